package org.forumledger.reporting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.seal.Seals;
import org.forumledger.reporting.history.Envelopes;
import org.forumledger.reporting.store.EventLog;
import org.forumledger.reporting.store.LoggedEvent;

/**
 * What an audit entry is made of: the event's metadata, its payload's JSON as hashed, and the
 * record as the registry sealed it (null for an event that came without a seal).
 */
public record AuditedEvent(EventMetadata metadata, String payloadJson, Seals.Sealed sealed) {

  public static AuditedEvent of(LoggedEvent event) {
    return new AuditedEvent(event.envelope().metadata(), event.payloadJson(), event.sealed());
  }

  /**
   * A sealed event of a type or version this service does not know: the history keeps it with its
   * payload as the registry wrote it, so the registry's chain has no gap where it passed.
   */
  public static AuditedEvent ofUnknownType(Seals.Sealed sealed) {
    return new AuditedEvent(metadataOf(readTree(sealed)), payloadOf(readTree(sealed)), sealed);
  }

  static AuditedEvent ofUnknownType(JsonNode tree) {
    return new AuditedEvent(metadataOf(tree), payloadOf(tree), null);
  }

  private static JsonNode readTree(Seals.Sealed sealed) {
    return Seals.readTree(sealed.value());
  }

  private static EventMetadata metadataOf(JsonNode tree) {
    return Envelopes.normalised(EventJson.readMetadata(tree));
  }

  private static String payloadOf(JsonNode tree) {
    return EventLog.json(tree.get("payload"));
  }
}
