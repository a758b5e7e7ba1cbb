package org.forumledger.cost.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.forumledger.events.EventJson;

/** A payload kept in a text column as the contract's JSON, and read back the same way. */
final class StoredJson {

  private StoredJson() {}

  static String write(Object payload) {
    try {
      return EventJson.mapper().writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + payload, e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return EventJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable stored " + type.getSimpleName(), e);
    }
  }
}
