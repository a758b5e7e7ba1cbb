package org.forumledger.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.fault.Services.HTTP;
import static org.forumledger.fault.Services.USERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.forumledger.bench.history.HistoryGenerator;
import org.forumledger.bench.history.HistoryPublisher;
import org.forumledger.bench.http.Http;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.KeyFiles;
import org.forumledger.infra.FreePorts;
import org.forumledger.infra.LedgerInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 13, process crash of the consumers: the cost and the reporting service run as processes of
 * their own, from their jars, against a real broker and database. Several thousand sealed events
 * are on the topic before they start; each is killed with SIGKILL while its position is between the
 * first and the last, and started again. Afterwards each holds every event exactly once: the cost
 * read model's fingerprint and event count equal those of a rebuild from the topic, reporting's
 * replay from the topic equals its live state, and its audit chain is intact with one entry per
 * event.
 */
class ConsumerCrashIT {

  private static final Logger log = LoggerFactory.getLogger(ConsumerCrashIT.class);

  private static final int FORUMS = 200;
  private static final int EVENTS = 8_000;

  private static LedgerInfrastructure infra;
  private static ChildJvm cost;
  private static ChildJvm reporting;

  @BeforeAll
  static void startInfrastructure() {
    infra = LedgerInfrastructure.forTests();
  }

  @AfterAll
  static void stopEverything() {
    try {
      if (reporting != null) reporting.close();
      if (cost != null) cost.close();
    } finally {
      infra.close();
    }
  }

  @Test
  void consumersKilledMidBatchApplyEveryEventExactlyOnce() {
    Path keyDir = Services.tempDir("ledger-crash-").resolve("signing");
    Services.createTopic(infra.kafkaBootstrapServers());
    HistoryPublisher.Published published =
        HistoryPublisher.publish(
            infra.kafkaBootstrapServers(),
            new HistoryGenerator(FORUMS, EVENTS, 1, Instant.now(), Clock.systemUTC(), 13L, "crash"),
            KeyFiles.activeOrCreate(keyDir),
            ChainLink.START);
    assertThat(published.errors()).isZero();
    long last = published.lastPosition();

    int costPort = FreePorts.next();
    int reportingPort = FreePorts.next();
    String costUrl = Services.url(costPort);
    String reportingUrl = Services.url(reportingPort);
    Map<String, String> costEnv = new HashMap<>(Services.wiring(infra, keyDir));
    costEnv.put("COST_PORT", String.valueOf(costPort));
    Map<String, String> reportingEnv = new HashMap<>(Services.wiring(infra, keyDir));
    reportingEnv.put("REPORTING_PORT", String.valueOf(reportingPort));
    reportingEnv.put("LEDGER_COST_URL", costUrl);
    // no registry runs here: the audit check says its checkpoint could not be read
    reportingEnv.put("LEDGER_REGISTRY_URL", Services.url(FreePorts.next()));
    cost = new ChildJvm("cost", ChildJvm.execJar("cost-service"), costEnv).start();
    reporting =
        new ChildJvm("reporting", ChildJvm.execJar("reporting-service"), reportingEnv).start();

    // each is killed as soon as it has applied a quarter of the batch, long before the end
    long threshold = EVENTS / 4;
    Map<String, Long> positionAtKill = new LinkedHashMap<>();
    Map<String, ChildJvm> byUrl = Map.of(costUrl, cost, reportingUrl, reporting);
    await("both consumers past position " + threshold + ", then killed")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              for (Map.Entry<String, ChildJvm> service : byUrl.entrySet()) {
                ChildJvm jvm = service.getValue();
                if (positionAtKill.containsKey(service.getKey())) {
                  continue;
                }
                if (!jvm.isAlive()) {
                  throw new IllegalStateException(jvm.describe() + " exited");
                }
                long position = Services.position(service.getKey());
                if (position >= threshold) {
                  jvm.kill();
                  positionAtKill.put(service.getKey(), position);
                  log.info("Killed {} with SIGKILL at position {}", jvm.describe(), position);
                }
              }
              return positionAtKill.size() == 2;
            });
    assertThat(positionAtKill.values())
        .allSatisfy(p -> assertThat(p).isBetween(threshold, last - 1));

    long restarted = System.nanoTime();
    cost.start();
    reporting.start();
    Services.awaitUp(cost, costUrl);
    Services.awaitUp(reporting, reportingUrl);
    await("both consumers at the last position " + last)
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Services.position(costUrl) == last && Services.position(reportingUrl) == last);
    double recovered = (System.nanoTime() - restarted) / 1e9;
    for (String url : byUrl.keySet()) {
      assertThat(Services.chainHead(url).path("chainSequence").asLong()).isEqualTo(EVENTS);
    }

    // cost: the live read model equals one rebuilt from the topic
    JsonNode live = Services.getJson(costUrl + "/costs/checksum", USERS.viewerAuth());
    Http.Answer rebuild = HTTP.post(costUrl + "/costs/admin/rebuild", USERS.registrarAuth());
    assertThat(rebuild.status()).as(rebuild.snippet()).isEqualTo(202);
    JsonNode[] rebuiltProgress = new JsonNode[1];
    await("cost's rebuild done")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              rebuiltProgress[0] =
                  Services.getJson(costUrl + "/costs/admin/rebuild", USERS.viewerAuth());
              return !rebuiltProgress[0].path("state").asText().equals("RUNNING");
            });
    assertThat(rebuiltProgress[0].path("state").asText())
        .as(rebuiltProgress[0].toString())
        .isEqualTo("DONE");
    assertThat(rebuiltProgress[0].path("recordsRead").asLong()).isEqualTo(EVENTS);
    assertThat(rebuiltProgress[0].path("duplicates").asLong()).isZero();
    JsonNode rebuilt = Services.getJson(costUrl + "/costs/checksum", USERS.viewerAuth());
    assertThat(live.path("position").asLong()).isEqualTo(last);
    assertThat(rebuilt.path("position").asLong()).isEqualTo(last);
    assertThat(live.path("eventCount").asLong())
        .isEqualTo(rebuilt.path("eventCount").asLong())
        .isEqualTo(rebuiltProgress[0].path("applied").asLong());
    assertThat(live.path("checksum").asText()).isEqualTo(rebuilt.path("checksum").asText());

    // reporting: one audit entry per event, the chain intact, a replay equal to the live state
    JsonNode verify = Services.getJson(reportingUrl + "/audit/verify", USERS.auditorAuth());
    assertThat(verify.path("entryCount").asLong()).isEqualTo(EVENTS);
    assertThat(verify.path("sealedEntries").asLong()).isEqualTo(EVENTS);
    assertThat(verify.path("firstBroken").isNull() || verify.path("firstBroken").isMissingNode())
        .as(verify.toString())
        .isTrue();
    assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
    Http.Answer replay = HTTP.post(reportingUrl + "/admin/replay", USERS.auditorAuth());
    assertThat(replay.status()).as(replay.snippet()).isEqualTo(202);
    JsonNode[] done = new JsonNode[1];
    await("reporting's replay done")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              done[0] = Services.getJson(reportingUrl + "/admin/replay", USERS.auditorAuth());
              String state = done[0].path("state").asText();
              return !state.equals("RUNNING") && !state.equals("IDLE");
            });
    assertThat(done[0].path("state").asText()).as(done[0].toString()).isEqualTo("DONE");
    assertThat(done[0].path("recordsRead").asLong()).isEqualTo(EVENTS);
    assertThat(done[0].path("equal").asBoolean()).as(done[0].toString()).isTrue();
    assertThat(done[0].path("replayChecksum").asText())
        .isEqualTo(done[0].path("liveChecksum").asText());

    log.info(
        "RESULT consumer crash: {} events; killed at positions {}; both at {} {} s after the restart;"
            + " cost events applied {} (rebuild {}), checksum {}; reporting audit entries {},"
            + " replay checksum {}",
        EVENTS,
        positionAtKill.values(),
        last,
        String.format("%.1f", recovered),
        live.path("eventCount").asLong(),
        rebuilt.path("eventCount").asLong(),
        live.path("checksum").asText(),
        verify.path("entryCount").asLong(),
        done[0].path("replayChecksum").asText());
  }
}
