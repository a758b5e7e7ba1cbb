package org.forumledger.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The 2023 appendix layout for any year and slice of time: per area (with its section number), each
 * forum with SLK participants, KS representatives, fee and other cost, grouped under the area's
 * sub-areas where it has them; area and grand totals in tkr, rounded from exact SEK sums only here,
 * at presentation.
 */
public record AppendixReport(
    int year,
    LocalDate asOf,
    Instant knownAt,
    long position,
    List<Section> sections,
    int forumCount,
    int notCalculatedCount,
    BigDecimal feeTotalSek,
    BigDecimal otherCostTotalSek,
    BigDecimal feeTotalTkr,
    BigDecimal otherCostTotalTkr) {

  /**
   * One area. {@code number} is the section the area's forums share (2.12 for 2.12.1.1 …), null
   * when its forums have no section.
   */
  public record Section(
      String number,
      String area,
      List<Row> rows,
      int forumCount,
      int notCalculatedCount,
      BigDecimal feeTotalSek,
      BigDecimal otherCostTotalSek,
      BigDecimal feeTotalTkr,
      BigDecimal otherCostTotalTkr) {

    /** "2.12 Offentlig förvaltning", or the area alone without a number. */
    public String heading() {
      return AppendixReport.heading(number, area);
    }
  }

  /**
   * One forum. The cells are machine text ("2000" tkr, "-" none, "ej beräknad" not calculated, "se
   * 2.14.6" reported under another forum, blank nothing recorded); the tkr values are set only
   * where there is an amount. {@code subarea} and {@code subareaNumber} place the forum under a
   * sub-area heading (2.12.1 Kommunledning), both null for a forum of the area itself. {@code
   * otherCostBasis} says when the other cost is derived from recorded meetings ("härledd ur 3
   * registrerade möten"), null when it is the recorded estimate.
   */
  public record Row(
      String reference,
      String name,
      String subareaNumber,
      String subarea,
      String slkParticipants,
      String ksRepresentatives,
      String feeCell,
      String otherCostCell,
      BigDecimal feeTkr,
      BigDecimal otherCostTkr,
      String otherCostBasis) {

    /** "2.12.1 Kommunledning", or null for a forum without a sub-area. */
    public String subareaHeading() {
      return subarea == null ? null : AppendixReport.heading(subareaNumber, subarea);
    }
  }

  static String heading(String number, String title) {
    return number == null ? title : number + " " + title;
  }
}
