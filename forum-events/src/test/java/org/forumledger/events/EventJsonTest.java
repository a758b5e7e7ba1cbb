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

    LedgerEvent payload =
        EventJson.read(json.getBytes(StandardCharsets.UTF_8)).orElseThrow().payload();

    assertThat(payload)
        .isEqualTo(
            new ForumStatusChanged("f1", ForumStatus.ENDED, java.time.LocalDate.of(2024, 12, 31)));
  }

  @Test
  void bytesThatAreNoEnvelopeArePoison() {
    assertThatThrownBy(() -> EventJson.read("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void amountsKeepTheirScaleThroughTheWire() {
    String json =
        """
        {"metadata": {"eventId": "e1", "eventType": "forum.OtherCostRecorded", "eventVersion": 1,
                      "forumId": "f1", "sequenceNumber": 0, "globalPosition": 1},
         "payload": {"forumId": "f1", "year": 2023, "status": "AMOUNT",
                     "lines": [{"category": "TRAVEL", "amountSek": 1000.50}], "totalSek": 17250.00}}
        """;

    OtherCostRecorded cost =
        (OtherCostRecorded)
            EventJson.read(json.getBytes(StandardCharsets.UTF_8)).orElseThrow().payload();

    assertThat(cost.totalSek()).hasToString("17250.00");
    assertThat(cost.lines().get(0).amountSek()).hasToString("1000.50");
  }

  @Test
  void aRevisionOrReclassificationChangesOnlyItsOwnFields() {
    ForumRegistered registered =
        new ForumRegistered(
            "f1",
            "2.2.10",
            "STRING",
            "Corridor",
            "Infrastruktur",
            null,
            ForumKind.COLLABORATION,
            "samverkansorgan",
            "STRING",
            Scope.INTERNATIONAL,
            new CountRange(2, 4),
            MeetingMode.MIXED);

    ForumRegistered revised =
        registered.revisedBy(
            new ForumDetailsRevised("f1", "STRING II", null, "Region Skåne", null, null, null));
    ForumRegistered moved =
        registered.reclassifiedBy(
            new ForumReclassified("f1", "EU", "Nätverk", ForumKind.NETWORK, null));

    assertThat(revised.name()).isEqualTo("STRING II");
    assertThat(revised.convener()).isEqualTo("Region Skåne");
    assertThat(revised.area()).isEqualTo("Infrastruktur");
    assertThat(revised.inventoryReference()).isEqualTo("2.2.10");
    assertThat(moved.area()).isEqualTo("EU");
    assertThat(moved.kind()).isEqualTo(ForumKind.NETWORK);
    assertThat(moved.name()).isEqualTo("STRING");
    assertThat(moved.meetingsPerYear()).isEqualTo(new CountRange(2, 4));
  }
}
