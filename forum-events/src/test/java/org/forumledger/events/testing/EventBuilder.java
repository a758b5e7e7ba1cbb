package org.forumledger.events.testing;

import java.time.Instant;
import java.time.LocalDate;
import org.forumledger.events.ForumEventType;
import org.forumledger.events.LedgerEvent;

/**
 * Builds one event of the contract: its payload, and whatever of its metadata a test wants to fix.
 * Metadata left unset takes the defaults of the {@link EventStream} that appends it.
 *
 * @param <E> the payload it builds
 * @param <B> the builder itself, so overrides chain
 */
public abstract class EventBuilder<E extends LedgerEvent, B extends EventBuilder<E, B>> {

  protected final String forumId;
  String eventId;
  Long sequenceNumber;
  Long globalPosition;
  Instant recordedAt;
  boolean effectiveDateSet;
  LocalDate effectiveDate;
  String actor;
  String reason;
  boolean decisionSet;
  String decisionReference;
  String correlationId;

  protected EventBuilder(String forumId) {
    this.forumId = forumId;
  }

  /** The payload as the registry would publish it. */
  public abstract E payload();

  /** When the fact is true, unless told otherwise: the date the payload itself names, or null. */
  protected LocalDate naturalDate() {
    return null;
  }

  public ForumEventType type() {
    return ForumEventType.of(payload());
  }

  public B eventId(String eventId) {
    this.eventId = eventId;
    return self();
  }

  public B sequence(long sequenceNumber) {
    this.sequenceNumber = sequenceNumber;
    return self();
  }

  public B position(long globalPosition) {
    this.globalPosition = globalPosition;
    return self();
  }

  public B recordedAt(String instant) {
    return recordedAt(Instant.parse(instant));
  }

  public B recordedAt(Instant instant) {
    this.recordedAt = instant;
    return self();
  }

  /** The effective date; null (no date) is a value a test may want too. */
  public B effective(String date) {
    return effective(date == null ? null : LocalDate.parse(date));
  }

  public B effective(LocalDate date) {
    this.effectiveDateSet = true;
    this.effectiveDate = date;
    return self();
  }

  public B by(String actor) {
    this.actor = actor;
    return self();
  }

  public B because(String reason) {
    this.reason = reason;
    return self();
  }

  /** The decision reference; null (no decision) is a value a test may want too. */
  public B decision(String decisionReference) {
    this.decisionSet = true;
    this.decisionReference = decisionReference;
    return self();
  }

  public B correlation(String correlationId) {
    this.correlationId = correlationId;
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  static LocalDate date(String date) {
    return date == null ? null : LocalDate.parse(date);
  }
}
