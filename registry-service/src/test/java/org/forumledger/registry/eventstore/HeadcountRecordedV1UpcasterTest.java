package org.forumledger.registry.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.forumledger.events.Body;
import org.forumledger.events.CountRange;
import org.forumledger.events.EventJson;
import org.forumledger.events.HeadcountRecorded;
import org.junit.jupiter.api.Test;

class HeadcountRecordedV1UpcasterTest {

  private final Serializer serializer =
      JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();

  @Test
  void aStoredRevisionOneHeadcountReadsAsRevisionTwoWithItsCount() {
    byte[] stored =
        ("{\"forumId\":\"f\",\"year\":2023,\"body\":\"SLK\","
                + "\"headcount\":{\"min\":1,\"max\":2},\"asWritten\":\"1-2\"}")
            .getBytes(StandardCharsets.UTF_8);
    GenericDomainEventEntry<byte[]> entry =
        new GenericDomainEventEntry<>(
            "Forum",
            "f",
            3,
            "e-3",
            Instant.parse("2024-02-26T09:15:00Z"),
            HeadcountRecorded.class.getName(),
            "1",
            stored,
            serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());

    List<IntermediateEventRepresentation> upcasted =
        new HeadcountRecordedV1Upcaster()
            .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
            .toList();

    assertThat(upcasted.get(0).getType().getRevision()).isEqualTo("2");
    HeadcountRecorded headcount = serializer.deserialize(upcasted.get(0).getData());
    assertThat(headcount)
        .isEqualTo(new HeadcountRecorded("f", 2023, Body.SLK, new CountRange(1, 2), "1-2"));
    assertThat(headcount.countUnknown()).isFalse();
  }
}
