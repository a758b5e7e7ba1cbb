package org.forumledger.registry.closing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A closed year: the totals an auditor stated for it at a link of the publication chain, signed by
 * the registry. {@code statement} is the canonical JSON that was signed, exactly; its SHA-256 is
 * {@code hash} and {@code signature} the Ed25519 signature of that hash.
 */
public record YearClosing(
    int year,
    long chainSequence,
    String headHash,
    long globalPosition,
    Instant closedAt,
    String closedBy,
    Totals totals,
    String statement,
    String hash,
    String keyId,
    String signature) {

  public static final String KIND = "forum-ledger.year-closing";

  /** The year's figures as stated: counted forums, sums, and how many were not calculated. */
  public record Totals(
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount) {}
}
