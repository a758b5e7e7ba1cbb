package org.forumledger.web.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The reporting service's answers that the auditor's checks page reads. */
public final class CheckFigures {

  private CheckFigures() {}

  /** Reporting's and the cost service's figures for a year, and each difference named. */
  public record Reconciliation(
      int year,
      Side reporting,
      Side cost,
      boolean samePosition,
      boolean agree,
      List<String> differences) {}

  public record Side(
      long position,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount) {}

  /** Where the reporting service's replay stands. */
  public record Replay(
      String state,
      long recordsRead,
      long recordsTotal,
      int percent,
      Instant startedAt,
      Instant finishedAt,
      Long position,
      Boolean equal,
      String error) {}
}
