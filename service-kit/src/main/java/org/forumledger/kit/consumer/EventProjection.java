package org.forumledger.kit.consumer;

import org.forumledger.events.EventEnvelope;

/** What a consumer does with an event it can read: its read model's change, in the transaction. */
@FunctionalInterface
public interface EventProjection {

  void apply(EventEnvelope event);

  /** Runs once the change is committed, e.g. to tell live subscribers. */
  default void committed(EventEnvelope event) {}
}
