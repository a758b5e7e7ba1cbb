package org.forumledger.registry.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.forumledger.events.CountRange;
import org.forumledger.events.EventJson;
import org.forumledger.events.ForumRegistered;
import org.junit.jupiter.api.Test;

class ForumRegisteredV1UpcasterTest {

  private final Serializer serializer =
      JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();

  @Test
  void aStoredRevisionOneEventReadsAsRevisionTwo() throws IOException {
    byte[] stored;
    try (InputStream in =
        getClass().getResourceAsStream("/samples/forum.ForumRegistered.v1.stored.json")) {
      stored = in.readAllBytes();
    }
    GenericDomainEventEntry<byte[]> entry =
        new GenericDomainEventEntry<>(
            "Forum",
            "7d0c2c5e-4f7b-4a8e-9f43-2b1a6e9c0d11",
            0,
            "e-1",
            Instant.parse("2020-02-01T10:00:00Z"),
            ForumRegistered.class.getName(),
            "1",
            stored,
            serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());

    List<IntermediateEventRepresentation> upcasted =
        new ForumRegisteredV1Upcaster()
            .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
            .toList();

    assertThat(upcasted).hasSize(1);
    assertThat(upcasted.get(0).getType().getRevision()).isEqualTo("2");
    ForumRegistered event = serializer.deserialize(upcasted.get(0).getData());
    assertThat(event.meetingsPerYear()).isEqualTo(new CountRange(4, 4));
    assertThat(event.scope()).isNull();
    assertThat(event.name()).isEqualTo("STRING");
  }

  @Test
  void theCurrentRevisionPassesUnchanged() {
    GenericDomainEventEntry<byte[]> entry =
        new GenericDomainEventEntry<>(
            "Forum",
            "f",
            0,
            "e-2",
            Instant.EPOCH,
            ForumRegistered.class.getName(),
            "2",
            "{}".getBytes(),
            serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());

    List<IntermediateEventRepresentation> upcasted =
        new ForumRegisteredV1Upcaster()
            .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
            .toList();

    assertThat(upcasted.get(0).getType().getRevision()).isEqualTo("2");
    assertThat(upcasted.get(0).getData().getData()).isEqualTo("{}".getBytes());
  }
}
