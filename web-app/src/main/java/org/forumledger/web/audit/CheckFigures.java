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
      Chain chain,
      boolean samePosition,
      boolean agree,
      List<String> differences) {}

  public record Side(
      long position,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount) {}

  /** The registry's published chain beside the link reporting and cost hold. */
  public record Chain(Link registry, Link reporting, Link cost, boolean sameLink) {}

  public record Link(long chainSequence, String hash, long position) {}

  /** A year's closing as reviewed: the signed closing (null when open) and what came after it. */
  public record YearAudit(
      int year,
      Closing closing,
      Figures totalsNow,
      List<String> differencesSinceClosing,
      List<AuditEntry> changesAfterClosing) {}

  public record Closing(
      int year,
      long chainSequence,
      String headHash,
      Instant closedAt,
      String closedBy,
      Figures totals,
      String hash,
      String keyId) {}

  public record Figures(
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
