package org.forumledger.registry.chain;

import java.time.Instant;

/**
 * A signed statement of the publication chain's head at a moment: whoever holds it and the
 * registry's public key can later show that the history up to {@code chainSequence} ended in {@code
 * headHash}, whatever any server says then. {@code statement} is the canonical JSON that was
 * signed, exactly: its SHA-256 is {@code hash}, and {@code signature} is the Ed25519 signature of
 * that hash.
 */
public record Checkpoint(
    long id,
    long chainSequence,
    String headHash,
    long globalPosition,
    Instant issuedAt,
    String issuedBy,
    String statement,
    String hash,
    String keyId,
    String signature) {

  public static final String KIND = "forum-ledger.checkpoint";
}
