package org.forumledger.kit.consumer;

import java.util.List;
import java.util.function.Supplier;
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

  /**
   * A batch about to be decided in one transaction, with the events it will most likely be asked to
   * remember ({@code expected}, in order, read only when asked for; others may come too). An
   * implementation may look them up and write them all at once; by default each is remembered as it
   * comes.
   */
  default Batch batch(Supplier<List<EventMetadata>> expected) {
    return new Batch() {
      @Override
      public boolean remember(EventMetadata event, boolean skipped) {
        return HandledEvents.this.remember(event, skipped);
      }

      @Override
      public void finish() {}
    };
  }

  /** The remembering of one batch, inside its transaction. */
  interface Batch {

    /** As {@link HandledEvents#remember}, for an event of this batch. */
    boolean remember(EventMetadata event, boolean skipped);

    /**
     * Called once every event of the batch is decided, before its transaction commits: what was
     * held back is written now.
     *
     * @throws RuntimeException when an event this batch took for new turns out to have been handled
     *     meanwhile (by another consumer instance); the transaction must then roll back, so that
     *     nothing is applied twice
     */
    void finish();
  }
}
