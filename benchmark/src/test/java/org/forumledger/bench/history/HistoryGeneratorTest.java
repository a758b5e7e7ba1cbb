package org.forumledger.bench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.AnnualFeeWithdrawn;
import org.forumledger.events.AppointmentEnded;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumEventType;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.LedgerCalendar;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.events.Topics;
import org.forumledger.events.WireHeaders;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.EventSeal;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.events.seal.Seals;
import org.forumledger.events.seal.SigningKey;
import org.junit.jupiter.api.Test;

class HistoryGeneratorTest {

  private static final Instant LAST_KNOWN = Instant.parse("2026-03-01T10:00:00.000001Z");
  private static final Clock FROZEN = Clock.fixed(LAST_KNOWN, ZoneOffset.UTC);

  private static List<EventEnvelope> generate(int forums, long events) {
    HistoryGenerator generator =
        new HistoryGenerator(forums, events, 5001, LAST_KNOWN, FROZEN, 42, "test");
    List<EventEnvelope> all = new ArrayList<>();
    generator.forEachRemaining(all::add);
    return all;
  }

  @Test
  void everyEventPassesThroughTheContractUnchanged() {
    for (EventEnvelope envelope : generate(20, 2000)) {
      assertThat(EventJson.read(EventJson.write(envelope))).contains(envelope);
      EventMetadata m = envelope.metadata();
      ForumEventType type = ForumEventType.of(envelope.payload());
      assertThat(m.eventType()).isEqualTo(type.logicalName());
      assertThat(m.eventVersion()).isEqualTo(type.version());
      assertThat(m.forumId()).isEqualTo(envelope.payload().streamId());
      assertThat(LedgerCalendar.accepts(m.effectiveDate())).isTrue();
    }
  }

  @Test
  void positionsContinueGapFreeAndRecordedTimesIncreaseAfterTheLastKnown() {
    List<EventEnvelope> events = generate(30, 900);

    assertThat(events).hasSize(900);
    Instant previous = LAST_KNOWN;
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < events.size(); i++) {
      EventMetadata m = events.get(i).metadata();
      assertThat(m.globalPosition()).isEqualTo(5001 + i);
      assertThat(m.recordedAt()).isAfter(previous);
      previous = m.recordedAt();
      ids.add(m.eventId());
    }
    assertThat(ids).hasSize(900);
  }

  @Test
  void eachForumStartsWithItsRegistrationAndNumbersItsOwnStreamFromZero() {
    Map<String, Long> nextSequence = new HashMap<>();
    for (EventEnvelope envelope : generate(25, 1000)) {
      String forum = envelope.metadata().forumId();
      long expected = nextSequence.getOrDefault(forum, 0L);
      assertThat(envelope.metadata().sequenceNumber()).isEqualTo(expected);
      assertThat(envelope.payload() instanceof ForumRegistered).isEqualTo(expected == 0);
      nextSequence.put(forum, expected + 1);
    }
    assertThat(nextSequence)
        .hasSize(25)
        .allSatisfy((forum, count) -> assertThat(count).isEqualTo(40));
  }

  @Test
  void factsAreOnesTheRegistryWouldAccept() {
    Map<String, Set<String>> openAppointments = new HashMap<>();
    Map<String, Set<Integer>> fees = new HashMap<>();
    Map<String, Set<Integer>> costs = new HashMap<>();
    Map<String, Object> status = new HashMap<>();
    Set<ForumEventType> kinds = EnumSet.noneOf(ForumEventType.class);
    for (EventEnvelope envelope : generate(10, 3000)) {
      String forum = envelope.metadata().forumId();
      kinds.add(ForumEventType.of(envelope.payload()));
      Set<String> open = openAppointments.computeIfAbsent(forum, f -> new HashSet<>());
      Set<Integer> feeYears = fees.computeIfAbsent(forum, f -> new HashSet<>());
      Set<Integer> costYears = costs.computeIfAbsent(forum, f -> new HashSet<>());
      Object payload = envelope.payload();
      if (payload instanceof RepresentativeAppointed a) {
        assertThat(open.add(a.appointmentId())).isTrue();
        assertThat(a.validTo()).isAfterOrEqualTo(a.validFrom());
      } else if (payload instanceof AppointmentEnded e) {
        assertThat(open.remove(e.appointmentId())).isTrue();
      } else if (payload instanceof AnnualFeeSet f) {
        assertThat(f.correction()).isEqualTo(feeYears.contains(f.fromYear()));
        feeYears.add(f.fromYear());
      } else if (payload instanceof AnnualFeeWithdrawn w) {
        assertThat(feeYears.remove(w.fromYear())).isTrue();
      } else if (payload instanceof OtherCostRecorded o) {
        assertThat(o.correction()).isEqualTo(costYears.contains(o.year()));
        costYears.add(o.year());
      } else if (payload instanceof OtherCostWithdrawn w) {
        assertThat(costYears.remove(w.year())).isTrue();
      } else if (payload instanceof ForumStatusChanged c) {
        assertThat(status.put(forum, c.status())).isNotEqualTo(c.status());
      }
    }
    // issue 15's meetings and cost rates, and issue 14's units, goals and reviews, are not in the
    // benchmark's mix yet (its histories stay those measured before): every other type is
    Set<ForumEventType> notGenerated =
        EnumSet.of(
            ForumEventType.PARTICIPATION_RECORDED,
            ForumEventType.PARTICIPATION_WITHDRAWN,
            ForumEventType.COST_RATES_RECORDED,
            ForumEventType.FORUM_GOALS_LINKED,
            ForumEventType.UNIT_REGISTERED,
            ForumEventType.UNIT_REVISED,
            ForumEventType.COUNCIL_GOAL_REGISTERED,
            ForumEventType.COUNCIL_GOAL_REVISED,
            ForumEventType.REVIEW_OPENED,
            ForumEventType.PARTICIPATION_ASSESSED,
            ForumEventType.REVIEW_DECISION_RECORDED,
            ForumEventType.REVIEW_CLOSED);
    assertThat(kinds)
        .doesNotContainAnyElementsOf(notGenerated)
        .containsAll(EnumSet.complementOf(EnumSet.copyOf(notGenerated)));
  }

  @Test
  void aRecordCarriesWhatTheRegistrysPublisherWritesSealedAfterTheChainsLastLink() {
    EventEnvelope envelope = generate(1, 1).get(0);
    SigningKey registry = SigningKey.generate();
    ChainLink last = new ChainLink(41, "ab".repeat(32));

    ProducerRecord<String, byte[]> record =
        HistoryPublisher.record(
            envelope.metadata(), Seals.seal(EventJson.write(envelope), last, registry).value());

    assertThat(record.topic()).isEqualTo(Topics.FORUM_EVENTS);
    assertThat(record.key()).isEqualTo(envelope.metadata().forumId());
    assertThat(record.timestamp()).isEqualTo(envelope.metadata().recordedAt().toEpochMilli());
    assertThat(header(record, WireHeaders.EVENT_TYPE)).isEqualTo("forum.ForumRegistered");
    assertThat(header(record, WireHeaders.EVENT_VERSION)).isEqualTo("2");
    assertThat(header(record, WireHeaders.EVENT_ID)).isEqualTo(envelope.metadata().eventId());
    assertThat(EventJson.read(record.value())).contains(envelope);
    EventSeal seal =
        Seals.verify(record.value(), KeyRing.of(Map.of(registry.keyId(), registry.publicKey())));
    assertThat(last.step(seal)).isEqualTo(ChainLink.Step.NEXT);
  }

  @Test
  void theScatteredOrderVisitsEveryForumOncePerRound() {
    for (int n : new int[] {1, 2, 10, 500, 10_000}) {
      long stride = HistoryGenerator.strideFor(n);
      Set<Long> visited = new HashSet<>();
      for (long slot = 0; slot < n; slot++) {
        visited.add(slot * stride % n);
      }
      assertThat(visited).hasSize(n);
    }
  }

  @Test
  void aHistoryTooShortToRegisterEveryForumIsRefused() {
    assertThatThrownBy(() -> new HistoryGenerator(10, 9, 1, LAST_KNOWN, FROZEN, 1, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String header(ProducerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
