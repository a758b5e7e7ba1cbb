package org.forumledger.reporting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.forumledger.reporting.history.Money;
import org.forumledger.reporting.history.Totals;

/**
 * The shared totals shape; SEK exact, tkr rounded for presentation only. {@code forumsOnRecords}
 * counts forums whose other cost rests on recorded meetings, {@code forumsOnEstimates} those whose
 * other cost is a recorded estimate.
 */
public record TotalsResponse(
    int year,
    long position,
    LocalDate asOf,
    Instant knownAt,
    int forumCount,
    BigDecimal annualFeeTotal,
    BigDecimal annualFeeTotalTkr,
    BigDecimal otherCostTotal,
    BigDecimal otherCostTotalTkr,
    int notCalculatedCount,
    int feePayingCount,
    int forumsOnRecords,
    int forumsOnEstimates,
    List<Area> byArea,
    Map<String, Integer> byConvener,
    Map<String, Integer> byKind,
    Map<String, Integer> byStatus) {

  public record Area(
      String area,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount) {}

  public static TotalsResponse of(Totals totals, LocalDate asOf, Instant knownAt) {
    return new TotalsResponse(
        totals.year(),
        totals.position(),
        asOf,
        knownAt,
        totals.forumCount(),
        totals.annualFeeTotal(),
        Money.tkr(totals.annualFeeTotal()),
        totals.otherCostTotal(),
        Money.tkr(totals.otherCostTotal()),
        totals.notCalculatedCount(),
        totals.feePayingCount(),
        totals.forumsOnRecords(),
        totals.forumsOnEstimates(),
        totals.byArea().stream()
            .map(
                a ->
                    new Area(
                        a.area(),
                        a.forumCount(),
                        a.annualFeeTotal(),
                        a.otherCostTotal(),
                        a.notCalculatedCount()))
            .toList(),
        totals.byConvener(),
        totals.byKind(),
        totals.byStatus());
  }
}
