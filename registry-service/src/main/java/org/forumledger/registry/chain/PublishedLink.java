package org.forumledger.registry.chain;

/**
 * One link of the publication chain as the registry sealed it: an event's chain sequence, its hash
 * and its predecessor's, the event and its global position.
 */
public record PublishedLink(
    long chainSequence, String hash, String previousHash, String eventId, long globalPosition) {

  /** The chain before anything was published. */
  static final PublishedLink NONE =
      new PublishedLink(0, org.forumledger.events.seal.ChainLink.GENESIS_HASH, null, null, 0);
}
