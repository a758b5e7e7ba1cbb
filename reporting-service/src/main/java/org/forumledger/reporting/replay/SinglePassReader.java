package org.forumledger.reporting.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Optional;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumEventType;

/**
 * Reads a published record of a known type in one pass, metadata then payload bound straight to
 * their classes with the contract's mapping, where {@link EventJson#read} first builds a tree and
 * then binds it: half the replay's time went there. Anything else (an unknown type, a payload
 * before the metadata, bytes that are no event) is empty, and left to the kit's {@code ApplyOnce}
 * to decide as it always does.
 */
final class SinglePassReader {

  private static final ObjectMapper MAPPER = EventJson.mapper();
  private static final ObjectReader METADATA = MAPPER.readerFor(EventMetadata.class);
  private static final ClassValue<ObjectReader> PAYLOADS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return MAPPER.readerFor(type);
        }
      };

  private SinglePassReader() {}

  static Optional<EventEnvelope> readKnown(byte[] value) {
    try (JsonParser parser = MAPPER.createParser(value)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      EventMetadata metadata = null;
      ForumEvent payload = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("metadata")) {
          metadata = METADATA.readValue(parser);
        } else if (field.equals("payload") && metadata != null) {
          Optional<ForumEventType> type =
              ForumEventType.find(metadata.eventType(), metadata.eventVersion());
          if (type.isEmpty()) {
            return Optional.empty();
          }
          payload = PAYLOADS.get(type.get().eventClass()).readValue(parser);
        } else if (field.equals("payload")) {
          return Optional.empty();
        } else {
          parser.skipChildren();
        }
      }
      return metadata != null && payload != null
          ? Optional.of(new EventEnvelope(metadata, payload))
          : Optional.empty();
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
