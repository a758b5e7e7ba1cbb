package org.forumledger.reporting.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.forumledger.events.CountRange;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumDetailsRevised;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.Scope;
import org.forumledger.events.testing.EventStream;
import org.forumledger.reporting.support.Fixture;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The written form of folded state is part of what the service promises: the auditor's replay
 * compares its checksum with the live one, forum_view keeps it as JSON and /forums serves it. These
 * pins were taken from the flat state the service wrote before its details became one value.
 */
class StateFormTest {

  private static final String T = "2024-03-04T10:00:00Z";

  /**
   * A forum_view row as the flat state wrote it, after a revision, a reclassification and an
   * ending.
   */
  private static final String STORED =
      """
      {"forumId":"struktur","inventoryReference":"2.1.2","name":"Strukturfondspartnerskapet",\
      "purpose":"Prioriterar EU-medel","area":"EU-frågor och internationellt","subarea":null,\
      "kind":"COLLABORATION","collaborationType":"styrgrupp","convener":"Länsstyrelsen",\
      "scope":"NATIONAL","meetingsPerYear":{"min":4,"max":6},"meetingMode":"DIGITAL",\
      "registeredFrom":"2023-01-01","status":"ACTIVE","statusEffectiveFrom":"2023-01-01",\
      "fees":[{"forumId":"struktur","fromYear":2023,"toYear":null,"status":"NONE",\
      "amountSek":null,"currency":null,"originalAmount":null,"exchangeRate":null,\
      "exchangeRateSource":null,"basis":null,"perInhabitantRateSek":null,"population":null,\
      "projectTotalSek":null,"reportedUnder":null,"correction":false}],\
      "otherCosts":[{"forumId":"struktur","year":2023,"status":"NOT_CALCULATED","lines":[],\
      "totalSek":null,"reportedUnder":null,"correction":false}],\
      "appointments":[{"appointmentId":"s-1","personName":"Anna Ledamot","body":"KS",\
      "role":"LEDAMOT","validFrom":"2023-01-01","validTo":"2026-12-31","endedOn":"2024-02-29"}],\
      "headcounts":[],"lastSequence":6,"lastPosition":19,"lastRecordedAt":"2024-03-04T10:00:00Z"}""";

  private final Map<String, ForumState> forums = ForumFold.fold(log(), TimeSlice.CURRENT);

  @Test
  void theChecksumOfTheSameEventsStaysTheSame() {
    assertThat(StateChecksum.of(forums.values()))
        // moved once, when a fee's state gained exchangeRateSource (AnnualFeeSet version 2)
        .isEqualTo("6827c66af456a665955bfb42ffad4bb11cc7d9626337da9d33dd929a071ddef7");
  }

  @Test
  void aStoredViewReadsBackAsTheFoldedStateAndIsWrittenTheSame() throws Exception {
    ForumState folded = forums.get("struktur");

    assertThat(StateJson.mapper().writeValueAsString(folded)).isEqualTo(STORED);
    assertThat(StateJson.mapper().readValue(STORED, ForumState.class)).isEqualTo(folded);
  }

  /** Boot's web layer writes with Jackson 3, amounts plain as the kit configures it. */
  @Test
  void theWebWritesTheStoredForm() {
    JsonMapper web =
        JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    assertThat(web.writeValueAsString(forums.get("struktur"))).isEqualTo(STORED);
  }

  private static List<EventEnvelope> log() {
    EventStream events = new EventStream(1);
    List<EventEnvelope> log = new ArrayList<>(Fixture.inventory2023(events));
    log.add(
        events.envelope(
            new ForumDetailsRevised(
                "struktur",
                "Strukturfondspartnerskapet",
                "Prioriterar EU-medel",
                "Länsstyrelsen",
                Scope.NATIONAL,
                new CountRange(4, 6),
                MeetingMode.DIGITAL),
            T,
            "2024-03-01"));
    log.add(
        events.envelope(
            forum("struktur").reclassified().inArea(Fixture.INTERNATIONAL).payload(),
            T,
            "2024-03-01"));
    log.add(
        events.envelope(
            forum("struktur").appointmentEnded("s-1").on("2024-02-29").payload(), T, null));
    log.add(
        events.envelope(
            forum("euro-env").status(ForumStatus.ENDED).from("2024-01-01").payload(), T, null));
    return log;
  }
}
