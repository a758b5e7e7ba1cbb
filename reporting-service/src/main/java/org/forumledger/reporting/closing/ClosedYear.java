package org.forumledger.reporting.closing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A year as the registry signed its closing: the auditor's totals at a link of the chain. {@code
 * statement} is the canonical JSON signed; {@code hash} its SHA-256, {@code signature} Ed25519.
 */
public record ClosedYear(
    int year,
    long chainSequence,
    String headHash,
    long globalPosition,
    Instant closedAt,
    String closedBy,
    Figures totals,
    String statement,
    String hash,
    String keyId,
    String signature) {

  public record Figures(
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount) {}
}
