package org.forumledger.events.testing;

import java.time.LocalDate;
import org.forumledger.events.LedgerEvent;

/** An event whose payload is given whole: a withdrawal, or a payload a test built by hand. */
public final class GivenEvent<E extends LedgerEvent> extends EventBuilder<E, GivenEvent<E>> {

  private final E payload;
  private final LocalDate naturalDate;

  GivenEvent(E payload, LocalDate naturalDate) {
    super(payload.streamId());
    this.payload = payload;
    this.naturalDate = naturalDate;
  }

  /** A payload built by hand, to set its metadata like any other builder's. */
  public static <E extends LedgerEvent> GivenEvent<E> of(E payload) {
    return new GivenEvent<>(payload, null);
  }

  @Override
  protected LocalDate naturalDate() {
    return naturalDate;
  }

  @Override
  public E payload() {
    return payload;
  }
}
