package org.forumledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  @Test
  void anUnknownEventTypeIsNotAnErrorButUnknown() {
    String json =
        """
        {"metadata": {"eventId": "e1", "eventType": "forum.SomethingNew", "eventVersion": 1,
                      "forumId": "f1", "sequenceNumber": 0, "globalPosition": 1},
         "payload": {"forumId": "f1"}}
        """;

    assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(EventJson.readMetadata(json.getBytes(StandardCharsets.UTF_8)).eventId())
        .isEqualTo("e1");
  }

  @Test
  void aNewerVersionOfAKnownTypeIsUnknownToo() {
    String json =
        """
        {"metadata": {"eventId": "e1", "eventType": "forum.ForumStatusChanged", "eventVersion": 9,
                      "forumId": "f1", "sequenceNumber": 0, "globalPosition": 1},
         "payload": {"forumId": "f1"}}
        """;

    assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void unknownFieldsAreIgnored() {
    String json =
        """
        {"metadata": {"eventId": "e1", "eventType": "forum.ForumStatusChanged", "eventVersion": 1,
                      "forumId": "f1", "sequenceNumber": 0, "globalPosition": 1, "addedLater": true},
         "payload": {"forumId": "f1", "status": "ENDED", "effectiveFrom": "2024-12-31", "extra": 1}}
        """;

    ForumEvent payload = EventJson.read(json.getBytes(StandardCharsets.UTF_8)).orElseThrow().payload();

    assertThat(payload).isEqualTo(new ForumStatusChanged("f1", ForumStatus.ENDED, java.time.LocalDate.of(2024, 12, 31)));
  }

  @Test
  void bytesThatAreNoEnvelopeArePoison() {
    assertThatThrownBy(() -> EventJson.read("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UncheckedIOException.class);
  }
}
