package org.forumledger.registry.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.EventJson;
import org.forumledger.events.ExchangeRateSource;
import org.junit.jupiter.api.Test;

class AnnualFeeSetV1UpcasterTest {

  private final Serializer serializer =
      JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();

  @Test
  void aStoredRevisionOneFeeInEuroReadsAsRevisionTwoWithItsRateStated() throws IOException {
    List<IntermediateEventRepresentation> upcasted = upcast("1", stored());

    assertThat(upcasted).hasSize(1);
    assertThat(upcasted.get(0).getType().getRevision()).isEqualTo("2");
    AnnualFeeSet fee = serializer.deserialize(upcasted.get(0).getData());
    assertThat(fee.exchangeRateSource()).isEqualTo(ExchangeRateSource.STATED);
    assertThat(fee.exchangeRate()).isEqualByComparingTo("11.50");
    assertThat(fee.originalAmount()).isEqualByComparingTo("1500");
    assertThat(fee.amountSek()).isEqualByComparingTo("17250.00");
    assertThat(fee.currency()).isEqualTo("EUR");
  }

  @Test
  void aStoredRevisionOneFeeInSekGetsNoRateSource() throws IOException {
    String sek =
        new String(stored(), StandardCharsets.UTF_8)
            .replace("\"currency\":\"EUR\"", "\"currency\":\"SEK\"")
            .replace("\"originalAmount\":1500", "\"originalAmount\":null")
            .replace("\"exchangeRate\":11.50", "\"exchangeRate\":null");

    AnnualFeeSet fee =
        serializer.deserialize(upcast("1", sek.getBytes(StandardCharsets.UTF_8)).get(0).getData());

    assertThat(fee.exchangeRate()).isNull();
    assertThat(fee.exchangeRateSource()).isNull();
    assertThat(fee.amountSek()).isEqualByComparingTo("17250.00");
  }

  @Test
  void theCurrentRevisionPassesUnchanged() {
    List<IntermediateEventRepresentation> upcasted = upcast("2", "{}".getBytes());

    assertThat(upcasted.get(0).getType().getRevision()).isEqualTo("2");
    assertThat(upcasted.get(0).getData().getData()).isEqualTo("{}".getBytes());
  }

  private List<IntermediateEventRepresentation> upcast(String revision, byte[] payload) {
    GenericDomainEventEntry<byte[]> entry =
        new GenericDomainEventEntry<>(
            "Forum",
            "7d0c2c5e-4f7b-4a8e-9f43-2b1a6e9c0d11",
            7,
            "e-1",
            Instant.parse("2024-02-26T09:15:00Z"),
            AnnualFeeSet.class.getName(),
            revision,
            payload,
            serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());
    return new AnnualFeeSetV1Upcaster()
        .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
        .toList();
  }

  private byte[] stored() throws IOException {
    try (InputStream in =
        getClass().getResourceAsStream("/samples/forum.AnnualFeeSet.v1.stored.json")) {
      return in.readAllBytes();
    }
  }
}
