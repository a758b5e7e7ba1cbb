package org.forumledger.registry.forum.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.forumledger.events.EventJson;

final class ResponseBodies {

  private ResponseBodies() {}

  static String json(Object body) {
    if (body == null) {
      return null;
    }
    if (body instanceof String text) {
      return text;
    }
    try {
      return EventJson.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot keep the response of an idempotent request", e);
    }
  }
}
