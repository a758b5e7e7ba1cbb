package org.forumledger.reporting.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.testing.EventStream;
import org.forumledger.reporting.support.Events;
import org.forumledger.reporting.support.Fixture;
import org.forumledger.reporting.support.ReportingStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

/**
 * Live totals as Server-Sent Events, and the auditor's replay: the read model rebuilt from the
 * topic (with a duplicate, an unknown type and a poison record on it) equals the live one at the
 * same position, and a live row altered behind the consumer's back makes them differ.
 */
class LiveAndReplayIT {

  private static ReportingStack stack;
  private static final EventStream events = new EventStream(1);

  @BeforeAll
  static void start() {
    stack = ReportingStack.start();
    List<EventEnvelope> all = new ArrayList<>(Fixture.inventory2023(events));
    stack.publishAll(all);
    stack.publish(all.get(1));
    String unknown = UUID.randomUUID().toString();
    stack.publishRaw(
        "revast",
        ("{\"metadata\":{\"eventId\":\""
                + unknown
                + "\",\"eventType\":\"forum.Future\","
                + "\"eventVersion\":1,\"forumId\":\"revast\",\"globalPosition\":17,"
                + "\"recordedAt\":\"2024-03-01T00:00:00Z\"},\"payload\":{}}")
            .getBytes(StandardCharsets.UTF_8),
        "forum.Future",
        1,
        unknown);
    stack.publishUnsealed("revast", new byte[] {1, 2, 3}, "forum.ForumRegistered", 2, "poison");
    all.forEach(e -> stack.awaitHandled(e.metadata().eventId()));
    stack.awaitHandled(unknown);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void liveTotalsArriveAsServerSentEvents() {
    List<JsonNode> received = new CopyOnWriteArrayList<>();
    Disposable subscription =
        stack
            .http
            .get()
            .uri("/reports/totals/live?year=2023")
            .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
            .getResponseBody()
            .subscribe(event -> received.add(json(event.data())));
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
      int before = received.get(0).get("forumCount").asInt();
      assertThat(before).isGreaterThanOrEqualTo(Fixture.FORUMS_2023);

      EventEnvelope joined =
          events.envelope(
              Events.registered(
                  "live-" + UUID.randomUUID(), "2.1.9", "Joins live", Fixture.REGIONAL),
              Fixture.T0,
              "2023-01-01");
      EventEnvelope fee =
          events.envelope(
              forum(joined.metadata().forumId()).fee(2023).amount("1000"), Fixture.T0, null);
      stack.publishAll(List.of(joined, fee));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  received.stream()
                      .anyMatch(
                          t ->
                              t.get("forumCount").asInt() == before + 1
                                  && t.get("position").asLong()
                                      >= fee.metadata().globalPosition()));
    } finally {
      subscription.dispose();
    }
  }

  @Test
  void aReplayEqualsTheLiveStateAndFindsADivergence() {
    stack
        .http
        .post()
        .uri("/admin/replay")
        .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
        .exchange()
        .expectStatus()
        .isForbidden();

    stack.startReplay();
    JsonNode done = awaitReplayDone();
    long live =
        stack.jdbc.queryForObject("select global_position from applied_position", Long.class);
    assertThat(done.get("equal").asBoolean()).isTrue();
    assertThat(done.get("replayChecksum").asText()).isEqualTo(done.get("liveChecksum").asText());
    assertThat(done.get("position").asLong()).isEqualTo(live);
    assertThat(done.get("recordsRead").asLong()).isEqualTo(done.get("recordsTotal").asLong());
    assertThat(done.get("forums").asInt())
        .isEqualTo(stack.jdbc.queryForObject("select count(*) from forum_view", Integer.class));

    // a live row changed behind the consumer's back: the replay must notice
    List<String> progressStates = new CopyOnWriteArrayList<>();
    stack.jdbc.update(
        "update forum_view set state = jsonb_set(state::jsonb, '{name}', '\"Tampered\"')::text"
            + " where forum_id = 'revast'");
    try {
      stack.startReplay();
      Disposable progress =
          stack
              .http
              .get()
              .uri("/admin/replay/progress")
              .headers(h -> h.setBasicAuth("auditor", ReportingStack.AUDITOR))
              .accept(MediaType.TEXT_EVENT_STREAM)
              .exchange()
              .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
              .getResponseBody()
              .subscribe(e -> progressStates.add(json(e.data()).get("state").asText()));
      JsonNode diverged = awaitReplayDone();
      progress.dispose();
      assertThat(diverged.get("equal").asBoolean()).isFalse();
      assertThat(diverged.get("replayChecksum").asText())
          .isEqualTo(done.get("replayChecksum").asText());
      assertThat(progressStates).contains("DONE");
    } finally {
      stack.jdbc.update(
          "update forum_view set state = jsonb_set(state::jsonb, '{name}', '\"Reväst\"')::text"
              + " where forum_id = 'revast'");
    }
  }

  private static JsonNode awaitReplayDone() {
    return stack.awaitReplayDone(Duration.ofSeconds(60));
  }

  private static JsonNode json(String text) {
    try {
      return EventJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
