package org.forumledger.kit.consumer;

import org.forumledger.events.EventMetadata;

/**
 * Where a consumer remembers the events it has handled, written in the same transaction as their
 * effect, so that a redelivered event finds itself there and changes nothing.
 */
public interface HandledEvents {

  /** Remembers the event; true the first time, false when it was handled before. */
  boolean remember(EventMetadata event, boolean skipped);

  /**
   * The highest global position handled so far; a service chooses what it answers before the first.
   */
  long position();
}
