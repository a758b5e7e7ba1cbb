package org.forumledger.events.seal;

/**
 * The end of a chain as far as one reader has followed it: the last sequence and its hash.
 *
 * @param sequence the last chain sequence followed, 0 before the first event
 * @param hash that event's hash, {@link #GENESIS_HASH} before the first event
 */
public record ChainLink(long sequence, String hash) {

  public static final String GENESIS_HASH = "0".repeat(64);

  /** Before the first event. */
  public static final ChainLink START = new ChainLink(0, GENESIS_HASH);

  /** How a verified seal stands to this end of the chain. */
  public enum Step {
    /** The next link: it continues this chain. */
    NEXT,
    /** At or before this end: only a redelivery of an event already followed is acceptable. */
    BEHIND
  }

  /**
   * @throws SealException when the seal skips a sequence (a predecessor is missing) or claims the
   *     next sequence with another previous hash (the chain forks)
   */
  public Step step(EventSeal seal) {
    if (seal.chainSequence() <= sequence) {
      return Step.BEHIND;
    }
    if (seal.chainSequence() > sequence + 1) {
      throw new SealException(
          SealException.Reason.MISSING_PREDECESSOR,
          "chain sequence "
              + seal.chainSequence()
              + " arrived after "
              + sequence
              + ": "
              + (seal.chainSequence() - sequence - 1)
              + " event(s) missing before it");
    }
    if (!seal.previousHash().equals(hash)) {
      throw new SealException(
          SealException.Reason.CHAIN_BROKEN,
          "chain sequence "
              + seal.chainSequence()
              + " names previous hash "
              + seal.previousHash()
              + " but "
              + sequence
              + " has hash "
              + hash);
    }
    return Step.NEXT;
  }
}
