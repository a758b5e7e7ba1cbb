package org.forumledger.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The one JSON mapping of the contract, shared by the registry's event store and every consumer:
 * ISO dates, exact decimals, unknown fields ignored so an added field never breaks a consumer.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER = newMapper();

  private EventJson() {}

  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        // an amount read through a tree keeps its scale: 17250.00 stays 17250.00
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .build();
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] write(EventEnvelope envelope) {
    try {
      return MAPPER.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write event " + envelope.metadata().eventId(), e);
    }
  }

  /**
   * Reads a published record. Empty when the record's type or version is not one this contract
   * knows; consumers skip those instead of failing.
   *
   * @throws UncheckedIOException when the bytes are not a readable envelope (a poison message)
   */
  public static Optional<EventEnvelope> read(byte[] value) {
    try {
      return read(MAPPER.readTree(value));
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("Unreadable forum event: " + e.getMessage(), e));
    }
  }

  /** {@link #read(byte[])} of a record already read as a tree. */
  public static Optional<EventEnvelope> read(JsonNode tree) {
    try {
      EventMetadata metadata = MAPPER.treeToValue(tree.required("metadata"), EventMetadata.class);
      Optional<ForumEventType> type =
          ForumEventType.find(metadata.eventType(), metadata.eventVersion());
      if (type.isEmpty()) {
        return Optional.empty();
      }
      LedgerEvent payload = payload(type.get(), metadata.eventVersion(), tree.required("payload"));
      return Optional.of(new EventEnvelope(metadata, payload));
    } catch (IOException | IllegalArgumentException e) {
      throw new UncheckedIOException(
          new IOException("Unreadable forum event: " + e.getMessage(), e));
    }
  }

  /**
   * A payload of the given type as written at {@code version}: an older version the type still
   * reads is brought to the current form first (on a copy; the tree given is not changed).
   */
  public static LedgerEvent payload(ForumEventType type, int version, JsonNode payload)
      throws JsonProcessingException {
    JsonNode current = payload;
    if (version != type.version()) {
      if (!(payload instanceof ObjectNode object)) {
        throw new IllegalArgumentException(
            "The payload of " + type.logicalName() + " is no object");
      }
      current = type.upgrade(object.deepCopy(), version);
    }
    return MAPPER.treeToValue(current, type.eventClass());
  }

  /** Reads the metadata only, for a record whose payload this consumer does not know. */
  public static EventMetadata readMetadata(byte[] value) {
    try {
      return readMetadata(MAPPER.readTree(value));
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("Unreadable forum event: " + e.getMessage(), e));
    }
  }

  public static EventMetadata readMetadata(JsonNode tree) {
    try {
      return MAPPER.treeToValue(tree.required("metadata"), EventMetadata.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new UncheckedIOException(
          new IOException("Unreadable forum event: " + e.getMessage(), e));
    }
  }
}
