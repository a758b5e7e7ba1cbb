package org.forumledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A change to the wire format of a published event fails here first. */
class EventSamplesTest {

  @ParameterizedTest
  @EnumSource(ForumEventType.class)
  void storedSampleRoundTripsUnchanged(ForumEventType type) throws IOException {
    byte[] sample = sample(type);

    EventEnvelope envelope = EventJson.read(sample).orElseThrow();
    JsonNode rewritten = EventJson.mapper().readTree(EventJson.write(envelope));

    assertThat(envelope.payload()).isInstanceOf(type.eventClass());
    assertThat(envelope.metadata().eventType()).isEqualTo(type.logicalName());
    assertThat(rewritten).isEqualTo(EventJson.mapper().readTree(sample));
  }

  @ParameterizedTest
  @EnumSource(ForumEventType.class)
  void catalogueVersionIsTheStoredRevision(ForumEventType type) {
    Revision revision = type.eventClass().getAnnotation(Revision.class);

    assertThat(revision).as("@Revision on %s", type.eventClass().getSimpleName()).isNotNull();
    assertThat(revision.value()).isEqualTo(String.valueOf(type.version()));
  }

  private static byte[] sample(ForumEventType type) throws IOException {
    String name = "/samples/" + type.logicalName() + ".v" + type.version() + ".json";
    try (InputStream in = EventSamplesTest.class.getResourceAsStream(name)) {
      assertThat(in).as("sample %s", name).isNotNull();
      return in.readAllBytes();
    }
  }
}
