package org.forumledger.reporting.audit;

/**
 * The outcome of walking the chain: intact with its head hash and length, or the first entry where
 * it breaks and why.
 */
public record AuditVerification(
    boolean intact, long entryCount, String headHash, BrokenEntry firstBroken) {

  public record BrokenEntry(long seq, String eventId, String problem) {}
}
