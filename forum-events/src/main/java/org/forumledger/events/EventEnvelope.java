package org.forumledger.events;

/** A published event: its metadata and its payload, the value of one Kafka record. */
public record EventEnvelope(EventMetadata metadata, LedgerEvent payload) {

  /** The payload when it is about a forum, else null (a setting such as a year's cost rates). */
  public ForumEvent forumEvent() {
    return payload instanceof ForumEvent event ? event : null;
  }
}
