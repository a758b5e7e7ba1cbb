package org.forumledger.reporting.history;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The totals of one year, exact in SEK; counts by convener, kind and status are of counted forums.
 * {@code forumsOnRecords}: forums whose other cost rests on recorded meetings (derived, or not
 * calculated for want of rates); {@code forumsOnEstimates}: forums without meetings in the year
 * whose other cost is a recorded estimate (of any status).
 */
public record Totals(
    int year,
    long position,
    int forumCount,
    BigDecimal annualFeeTotal,
    BigDecimal otherCostTotal,
    int notCalculatedCount,
    int feePayingCount,
    int forumsOnRecords,
    int forumsOnEstimates,
    List<AreaTotals> byArea,
    Map<String, Integer> byConvener,
    Map<String, Integer> byKind,
    Map<String, Integer> byStatus) {

  public record AreaTotals(
      String area,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount,
      List<YearFigures> forums) {}
}
