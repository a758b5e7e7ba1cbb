package org.forumledger.web.overview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The reporting service's totals of a year, as far as the overview shows them. {@code
 * forumsOnRecords} and {@code forumsOnEstimates} say what the other costs rest on: recorded
 * meetings or the recorded estimates; null when the service does not say.
 */
public record Totals(
    int year,
    long position,
    LocalDate asOf,
    Instant knownAt,
    int forumCount,
    BigDecimal annualFeeTotal,
    BigDecimal otherCostTotal,
    int notCalculatedCount,
    int feePayingCount,
    Integer forumsOnRecords,
    Integer forumsOnEstimates,
    List<Area> byArea) {

  public Totals {
    byArea = byArea == null ? List.of() : List.copyOf(byArea);
  }

  public record Area(
      String area,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount) {}
}
