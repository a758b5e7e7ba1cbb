package org.forumledger.events.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.forumledger.events.EventJson;

/**
 * A record of a type the contract does not know, as a newer registry might publish it: well-formed
 * metadata, a payload of its own.
 *
 * @param value the record's value on the wire
 */
public record UnknownEvent(
    String eventId,
    String eventType,
    int eventVersion,
    String forumId,
    long globalPosition,
    byte[] value) {

  static UnknownEvent of(
      String eventId, String eventType, String forumId, long sequence, long position) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("eventId", eventId);
    metadata.put("eventType", eventType);
    metadata.put("eventVersion", 1);
    metadata.put("forumId", forumId);
    metadata.put("sequenceNumber", sequence);
    metadata.put("globalPosition", position);
    metadata.put("recordedAt", EventStream.RECORDED_AT.toString());
    metadata.put("actor", EventStream.ACTOR);
    Map<String, Object> envelope =
        Map.of("metadata", metadata, "payload", Map.of("forumId", forumId, "unknownField", true));
    try {
      return new UnknownEvent(
          eventId, eventType, 1, forumId, position, EventJson.mapper().writeValueAsBytes(envelope));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
