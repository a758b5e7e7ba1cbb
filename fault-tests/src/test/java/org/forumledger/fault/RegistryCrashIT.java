package org.forumledger.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.fault.Services.USERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.forumledger.infra.FreePorts;
import org.forumledger.infra.LedgerInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 13, process crash of the registry: clients register forums, each with its own
 * Idempotency-Key, while the registry's JVM is killed with SIGKILL. After a restart each client
 * sends again what got no 2xx, with the same key, as a client should. Every write is then stored
 * once and on the topic exactly once: one ForumRegistered per key, for exactly the forums the
 * answers named, one event per chain link; a record the publisher sent again after the crash (its
 * design is at-least-once) must be the identical sealed record, and is counted.
 */
class RegistryCrashIT {

  private static final Logger log = LoggerFactory.getLogger(RegistryCrashIT.class);
  private static final int WRITERS = 4;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 60;

  private static LedgerInfrastructure infra;
  private static ChildJvm registry;

  @BeforeAll
  static void startInfrastructure() {
    infra = LedgerInfrastructure.forTests();
  }

  @AfterAll
  static void stopEverything() {
    try {
      if (registry != null) registry.close();
    } finally {
      infra.close();
    }
  }

  @Test
  void everyAcknowledgedWriteIsStoredAndPublishedExactlyOnce() throws Exception {
    Path keyDir = Services.tempDir("ledger-crash-").resolve("signing");
    Services.createTopic(infra.kafkaBootstrapServers());
    int port = FreePorts.next();
    String url = Services.url(port);
    Map<String, String> env = new HashMap<>(Services.wiring(infra, keyDir));
    env.put("REGISTRY_PORT", String.valueOf(port));
    registry = new ChildJvm("registry", ChildJvm.execJar("registry-service"), env).start();
    Services.awaitUp(registry, url);

    Map<String, String> acknowledged = new ConcurrentHashMap<>(); // key -> forum id
    Set<String> unanswered = ConcurrentHashMap.newKeySet();
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger attempts = new AtomicInteger();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.submit(
          () -> {
            for (int i = 0; writing.get(); i++) {
              String key = "crash-" + writer + "-" + i;
              attempts.incrementAndGet();
              if (!register(url, key, acknowledged)) {
                unanswered.add(key);
              }
            }
          });
    }
    await("clients writing")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
    registry.kill();
    int acknowledgedAtKill = acknowledged.size();
    // the writers see the registry gone; let each finish its request, then stop
    writing.set(false);
    writers.shutdown();
    assertThat(writers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    log.info(
        "Killed the registry with SIGKILL after {} acknowledged writes; {} without an answer",
        acknowledgedAtKill,
        unanswered.size());
    Map<String, String> beforeRestart = Map.copyOf(acknowledged);

    long restarted = System.nanoTime();
    registry.start();
    Services.awaitUp(registry, url);
    double upAfter = (System.nanoTime() - restarted) / 1e9;
    // a client sends again, with the same key, every write it has no answer for
    for (String key : unanswered) {
      assertThat(register(url, key, acknowledged)).as("retry of " + key).isTrue();
    }
    // an acknowledged write is still the same forum when its key is sent again
    String anyKey = beforeRestart.keySet().iterator().next();
    Map<String, String> again = new HashMap<>();
    assertThat(register(url, anyKey, again)).isTrue();
    assertThat(again.get(anyKey)).isEqualTo(beforeRestart.get(anyKey));

    long stored;
    long storedEvents;
    try (Connection db =
        DriverManager.getConnection(infra.jdbcUrl(), infra.dbUsername(), infra.dbPassword())) {
      // the last global position; positions a killed transaction drew from the sequence stay unused
      stored =
          Services.count(
              db, "select coalesce(max(global_index), 0) from registry.domain_event_entry");
      storedEvents = Services.count(db, "select count(*) from registry.domain_event_entry");
      assertThat(
              Services.count(
                  db,
                  "select count(*) from registry.domain_event_entry where payload_type like"
                      + " '%ForumRegistered%'"))
          .isEqualTo(acknowledged.size());
    }
    await("the registry has published every stored event")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                Services.getJson(url + "/chain/head", USERS.viewerAuth())
                        .path("globalPosition")
                        .asLong()
                    == stored);
    long head =
        Services.getJson(url + "/chain/head", USERS.viewerAuth()).path("chainSequence").asLong();

    List<JsonNode> records = Services.readTopic(infra.kafkaBootstrapServers());
    Map<String, Integer> registeredPerForum = new TreeMap<>();
    Map<String, JsonNode> byEvent = new HashMap<>();
    Map<Long, String> eventPerLink = new HashMap<>();
    int republished = 0;
    for (JsonNode value : records) {
      JsonNode metadata = value.path("metadata");
      String eventId = metadata.path("eventId").asText();
      JsonNode first = byEvent.putIfAbsent(eventId, value);
      if (first != null) {
        // the publisher is at-least-once by design (a crash after Kafka's acknowledgement and
        // before its token moves sends the batch again): a repeat must be the same sealed record,
        // which consumers drop as already applied
        assertThat(value).as("republished " + eventId).isEqualTo(first);
        republished++;
        continue;
      }
      long link = value.path("seal").path("chainSequence").asLong();
      assertThat(eventPerLink.put(link, eventId)).as("two events at link " + link).isNull();
      if (metadata.path("eventType").asText().endsWith("ForumRegistered")) {
        registeredPerForum.merge(metadata.path("forumId").asText(), 1, Integer::sum);
      }
    }
    assertThat(eventPerLink).hasSize((int) head);
    assertThat(byEvent).as("every stored event on the topic").hasSize((int) storedEvents);
    assertThat(registeredPerForum.values()).as("ForumRegistered per forum").allMatch(n -> n == 1);
    assertThat(registeredPerForum.keySet())
        .containsExactlyInAnyOrderElementsOf(Set.copyOf(acknowledged.values()));
    assertThat(registeredPerForum.keySet()).containsAll(beforeRestart.values());

    log.info(
        "RESULT registry crash: {} writes sent by {} clients, {} acknowledged before the kill, {}"
            + " unanswered and sent again after it, registry UP {} s after the restart; {} keys, {}"
            + " events stored, {} records on the topic ({} republished), ForumRegistered per forum"
            + " max {}",
        attempts.get(),
        WRITERS,
        acknowledgedAtKill,
        unanswered.size(),
        String.format("%.1f", upAfter),
        acknowledged.size(),
        storedEvents,
        records.size(),
        republished,
        registeredPerForum.values().stream().mapToInt(Integer::intValue).max().orElse(0));
  }

  /** Registers a forum under {@code key}; true, with the forum's id kept, on a 2xx. */
  private static boolean register(String url, String key, Map<String, String> acknowledged) {
    String forumId = Services.registerForum(url, key, "Crash");
    if (forumId != null) {
      acknowledged.put(key, forumId);
    }
    return forumId != null;
  }
}
