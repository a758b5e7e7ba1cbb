package org.forumledger.events.testing;

import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.Seals;
import org.forumledger.events.seal.SigningKey;

/**
 * Seals records as the registry does, one chain in the order they are sealed, for a test that
 * publishes onto the topic itself. One per topic (per test stack).
 */
public final class ChainSealer {

  private ChainLink head = ChainLink.START;
  private SigningKey key;

  public ChainSealer() {
    this(TestKeys.REGISTRY);
  }

  public ChainSealer(SigningKey key) {
    this.key = key;
  }

  /** Signs the following records with another key, as the registry does after a rotation. */
  public synchronized void rotateTo(SigningKey next) {
    this.key = next;
  }

  public synchronized Seals.Sealed seal(byte[] unsealedValue) {
    Seals.Sealed sealed = Seals.seal(unsealedValue, head, key);
    head = sealed.seal().link();
    return sealed;
  }

  public byte[] seal(EventEnvelope envelope) {
    return seal(EventJson.write(envelope)).value();
  }

  /** Seals a record but leaves the chain where it was: a link a test then leaves out or misuses. */
  public synchronized Seals.Sealed sealDetached(byte[] unsealedValue) {
    return Seals.seal(unsealedValue, head, key);
  }

  /** Moves past a link without publishing it, so the next one arrives after a missing one. */
  public synchronized void skip(byte[] unsealedValue) {
    seal(unsealedValue);
  }

  public synchronized ChainLink head() {
    return head;
  }
}
