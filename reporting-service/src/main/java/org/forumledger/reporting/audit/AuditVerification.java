package org.forumledger.reporting.audit;

import org.forumledger.events.seal.ChainLink;

/**
 * The outcome of walking the history: intact with its head hash and length, how many entries carry
 * the registry's seal and the last link of the registry's chain they follow, and the registry's
 * latest signed checkpoint held against it; or the first entry where it breaks and why.
 */
public record AuditVerification(
    boolean intact,
    long entryCount,
    String headHash,
    long sealedEntries,
    RegistryHead registryHead,
    CheckpointCheck checkpoint,
    BrokenEntry firstBroken) {

  /**
   * This outcome with the checkpoint check: intact only if a checkpoint that could be checked holds
   * too. One that could not be read leaves the walk's answer, and says why.
   */
  public AuditVerification with(CheckpointCheck check) {
    return new AuditVerification(
        intact && (check == null || check.chainSequence() == null || check.holds()),
        entryCount,
        headHash,
        sealedEntries,
        registryHead,
        check,
        firstBroken);
  }

  public record BrokenEntry(long seq, String eventId, String problem) {}

  /** The registry's chain as far as the history follows it: its sequence and hash there. */
  public record RegistryHead(long chainSequence, String hash) {
    RegistryHead(ChainLink link) {
      this(link.sequence(), link.hash());
    }
  }
}
