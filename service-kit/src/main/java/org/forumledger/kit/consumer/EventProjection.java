package org.forumledger.kit.consumer;

import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.seal.Seals;

/** What a consumer does with an event it can read: its read model's change, in the transaction. */
@FunctionalInterface
public interface EventProjection {

  void apply(EventEnvelope event);

  /**
   * The event with the record it came in, as the registry sealed it: for a projection that keeps
   * the registry's seal (the audit history); the rest only need the event.
   */
  default void apply(EventEnvelope event, Seals.Sealed record) {
    apply(event);
  }

  /**
   * An event the registry sealed whose type or version this consumer does not know: it changes no
   * read model, but a projection that keeps the registry's chain (the audit history) keeps its link
   * so the chain has no gap.
   */
  default void skipped(EventMetadata metadata, Seals.Sealed record) {}

  /** Runs once the change is committed, e.g. to tell live subscribers. */
  default void committed(EventEnvelope event) {}
}
