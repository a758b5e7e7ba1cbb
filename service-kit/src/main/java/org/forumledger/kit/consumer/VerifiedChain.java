package org.forumledger.kit.consumer;

import org.forumledger.events.seal.ChainLink;

/**
 * How far a consumer has followed the registry's chain of sealed events: the last link it accepted,
 * kept in the same transaction as the events' effect and position.
 */
public interface VerifiedChain {

  ChainLink head();

  void moveTo(ChainLink head);

  /** For a fold in memory (a rebuild or a replay), starting before the first event. */
  static VerifiedChain inMemory() {
    return new VerifiedChain() {
      private ChainLink head = ChainLink.START;

      @Override
      public ChainLink head() {
        return head;
      }

      @Override
      public void moveTo(ChainLink next) {
        head = next;
      }
    };
  }
}
