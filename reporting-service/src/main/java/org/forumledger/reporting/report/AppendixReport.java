package org.forumledger.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The 2023 appendix layout for any year and slice of time: per area, each forum with SLK
 * participants, KS representatives, fee and other cost; area and grand totals in tkr, rounded from
 * exact SEK sums only here, at presentation.
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

  public record Section(
      String area,
      List<Row> rows,
      int forumCount,
      int notCalculatedCount,
      BigDecimal feeTotalSek,
      BigDecimal otherCostTotalSek,
      BigDecimal feeTotalTkr,
      BigDecimal otherCostTotalTkr) {}

  /**
   * One forum. The cells are as the report prints them ("-" none, "ej beräknad" not calculated, "se
   * 2.14.6" reported under another forum, blank nothing recorded); the tkr values are set only
   * where there is an amount.
   */
  public record Row(
      String reference,
      String name,
      String slkParticipants,
      String ksRepresentatives,
      String feeCell,
      String otherCostCell,
      BigDecimal feeTkr,
      BigDecimal otherCostTkr) {}
}
