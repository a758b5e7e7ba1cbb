package org.forumledger.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.fault.Services.USERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.forumledger.bench.http.Http;
import org.forumledger.events.Topics;
import org.forumledger.events.WireHeaders;
import org.forumledger.infra.EmbeddedPostgresServer;
import org.forumledger.infra.FreePorts;
import org.forumledger.infra.KraftCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 13, one broker of three lost: the registry and the cost service, from their jars, run
 * against a Kafka cluster of three KRaft nodes (the ledger's topic on all three, two in sync needed
 * for a write) and a real PostgreSQL. Clients register forums and set their fees, each write with
 * its own Idempotency-Key; once some are acknowledged, the node that leads the topic's partition is
 * taken away without warning (no controlled shutdown), and the clients go on. Every write must be
 * acknowledged, and published while that node is still away: every stored event is on the topic
 * exactly once, one per chain link, and the cost service, which follows the topic, holds every
 * event and the fees the clients were told were set. The node then comes back and catches up.
 */
class BrokerLossIT {

  private static final Logger log = LoggerFactory.getLogger(BrokerLossIT.class);
  private static final int WRITERS = 4;
  private static final int ACKNOWLEDGED_BEFORE_LOSS = 40;
  private static final int ACKNOWLEDGED_AFTER_LOSS = 40;
  private static final int FEE_YEAR = 2024;

  private static EmbeddedPostgresServer postgres;
  private static KraftCluster cluster;
  private static ChildJvm registry;
  private static ChildJvm cost;

  @BeforeAll
  static void startInfrastructure() {
    Path dir = Services.tempDir("ledger-broker-loss-");
    postgres = EmbeddedPostgresServer.start(FreePorts.next(), dir.resolve("postgres"));
    cluster = new KraftCluster(dir).start();
  }

  @AfterAll
  static void stopEverything() {
    try {
      if (cost != null) cost.close();
      if (registry != null) registry.close();
    } finally {
      try {
        if (cluster != null) cluster.close();
      } finally {
        if (postgres != null) postgres.close();
      }
    }
  }

  @Test
  void everyAcknowledgedWriteIsPublishedOnceWithOneBrokerOfThreeLost() throws Exception {
    Path keyDir = Services.tempDir("ledger-broker-loss-").resolve("signing");
    Map<String, String> env =
        new HashMap<>(
            Services.wiring(
                cluster.bootstrapServers(), postgres.jdbcUrl(), "postgres", "postgres", keyDir));
    env.put("LEDGER_KAFKA_REPLICATION_FACTOR", String.valueOf(KraftCluster.NODES));
    env.put("LEDGER_KAFKA_MIN_INSYNC_REPLICAS", String.valueOf(KraftCluster.MIN_IN_SYNC));
    int registryPort = FreePorts.next();
    int costPort = FreePorts.next();
    String url = Services.url(registryPort);
    String costUrl = Services.url(costPort);
    Map<String, String> registryEnv = new HashMap<>(env);
    registryEnv.put("REGISTRY_PORT", String.valueOf(registryPort));
    Map<String, String> costEnv = new HashMap<>(env);
    costEnv.put("COST_PORT", String.valueOf(costPort));
    registry = new ChildJvm("registry", ChildJvm.execJar("registry-service"), registryEnv).start();
    cost = new ChildJvm("cost", ChildJvm.execJar("cost-service"), costEnv).start();
    Services.awaitUp(registry, url);
    Services.awaitUp(cost, costUrl);

    try (Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
        TopicTail tail = new TopicTail(cluster.bootstrapServers());
        Writes writes = new Writes(url)) {
      // the services declared the topic on all three brokers, two of them needed for a write
      assertThat(partition(admin).replicas()).hasSize(KraftCluster.NODES);
      assertThat(minInSync(admin)).isEqualTo(String.valueOf(KraftCluster.MIN_IN_SYNC));

      writes.start();
      await("clients writing")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> writes.acknowledged() >= ACKNOWLEDGED_BEFORE_LOSS);

      int lost = cluster.leader(Topics.FORUM_EVENTS, 0);
      int controller = admin.describeMetadataQuorum().quorumInfo().get().leaderId();
      long lossAt = writes.markLoss();
      cluster.stop(lost);
      long goneAt = System.nanoTime();
      double stopTook = seconds(goneAt - lossAt);
      log.info(
          "Lost node {} (leader of {}-0; active controller {}) after {} acknowledged writes",
          lost,
          Topics.FORUM_EVENTS,
          controller,
          writes.acknowledgedAtLoss());

      await("writes acknowledged, and published, with node " + lost + " away")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () ->
                  writes.acknowledgedAfterLoss() >= ACKNOWLEDGED_AFTER_LOSS
                      && tail.firstArrivalAfter(goneAt).isPresent());
      writes.stop();
      assertThat(writes.failed()).as("writes refused or unanswered").isEmpty();

      long lastPosition;
      long storedEvents;
      try (Connection db =
          DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres")) {
        lastPosition =
            Services.count(
                db, "select coalesce(max(global_index), 0) from registry.domain_event_entry");
        storedEvents = Services.count(db, "select count(*) from registry.domain_event_entry");
      }
      await("every stored event on the topic, node " + lost + " still away")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> tail.events() >= storedEvents);
      assertThat(cluster.isRunning(lost)).isFalse();
      assertThat(partition(admin).isr()).hasSize(KraftCluster.NODES - 1);
      long resumedAt = tail.firstArrivalAfter(goneAt).getAsLong();
      double resumedAfter = seconds(resumedAt - goneAt);
      double publishedWithin = tail.longestDelayMillis() / 1000.0;

      long restarted = System.nanoTime();
      cluster.start(lost);
      await("node " + lost + " back in sync")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> partition(admin).isr().size() == KraftCluster.NODES);
      double inSyncAfter = seconds(System.nanoTime() - restarted);

      // the topic from its start: each stored event once, at a chain link of its own
      List<JsonNode> records = Services.readTopic(cluster.bootstrapServers());
      Map<String, JsonNode> byEvent = new HashMap<>();
      Map<Long, String> eventPerLink = new TreeMap<>();
      Map<String, Integer> registeredPerForum = new TreeMap<>();
      int feesSet = 0;
      for (JsonNode value : records) {
        JsonNode metadata = value.path("metadata");
        String eventId = metadata.path("eventId").asText();
        assertThat(byEvent.put(eventId, value)).as("event " + eventId + " twice").isNull();
        long link = value.path("seal").path("chainSequence").asLong();
        assertThat(eventPerLink.put(link, eventId)).as("two events at link " + link).isNull();
        String type = metadata.path("eventType").asText();
        if (type.endsWith("ForumRegistered")) {
          registeredPerForum.merge(metadata.path("forumId").asText(), 1, Integer::sum);
        } else if (type.endsWith("AnnualFeeSet")) {
          feesSet++;
        }
      }
      assertThat(records).hasSize((int) storedEvents);
      assertThat(eventPerLink.keySet()).first().isEqualTo(1L);
      assertThat(eventPerLink.keySet()).last().isEqualTo(storedEvents);
      assertThat(registeredPerForum.values()).allMatch(n -> n == 1);
      assertThat(registeredPerForum.keySet())
          .containsExactlyInAnyOrderElementsOf(writes.forumIds());
      assertThat(feesSet).isEqualTo(writes.feesAcknowledged());
      assertThat(storedEvents).isEqualTo((long) writes.acknowledged());

      // the read side: cost has applied every event once, and sums the fees the clients set
      await("cost at the last position " + lastPosition)
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> Services.position(costUrl) == lastPosition);
      JsonNode checksum = Services.getJson(costUrl + "/costs/checksum", USERS.viewerAuth());
      assertThat(checksum.path("eventCount").asLong()).isEqualTo(storedEvents);
      JsonNode year = Services.getJson(costUrl + "/costs/years/" + FEE_YEAR, USERS.viewerAuth());
      assertThat(year.path("forumCount").asInt()).isEqualTo(registeredPerForum.size());
      assertThat(year.path("annualFeeTotal").decimalValue())
          .isEqualByComparingTo(writes.feeTotal());

      log.info(
          "RESULT broker loss: node {} of 3 lost (leader of the topic's partition; active"
              + " controller {}; its stop took {} s); {} writes by {} clients, {} acknowledged when"
              + " the loss began, {} after, 0 refused; longest write {} ms before the loss, {} ms"
              + " from the loss until publication resumed, {} ms after; first record on the topic"
              + " {} s after the node was gone; longest from store to topic {} s; all {} events on"
              + " the topic with node {} away (ISR 2 of 3), each once, chain links 1..{}; node {}"
              + " back in sync {} s after its start; cost applied {} events, {} forums, fees {}"
              + " SEK for {}",
          lost,
          controller,
          String.format("%.1f", stopTook),
          writes.acknowledged(),
          WRITERS,
          writes.acknowledgedAtLoss(),
          writes.acknowledged() - writes.acknowledgedAtLoss(),
          writes.longestMillis(Long.MIN_VALUE, lossAt - 1),
          writes.longestMillis(lossAt, resumedAt),
          writes.longestMillis(resumedAt + 1, Long.MAX_VALUE),
          String.format("%.1f", resumedAfter),
          String.format("%.1f", publishedWithin),
          storedEvents,
          lost,
          storedEvents,
          lost,
          String.format("%.1f", inSyncAfter),
          checksum.path("eventCount").asLong(),
          year.path("forumCount").asInt(),
          year.path("annualFeeTotal").decimalValue().toPlainString(),
          FEE_YEAR);
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static TopicPartitionInfo partition(Admin admin) throws Exception {
    TopicDescription topic =
        admin
            .describeTopics(List.of(Topics.FORUM_EVENTS))
            .allTopicNames()
            .get()
            .get(Topics.FORUM_EVENTS);
    return topic.partitions().get(0);
  }

  private static String minInSync(Admin admin) throws Exception {
    ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.FORUM_EVENTS);
    return admin
        .describeConfigs(List.of(topic))
        .all()
        .get()
        .get(topic)
        .get("min.insync.replicas")
        .value();
  }

  /**
   * The clients: each registers a forum and sets its fee, over and over, every write with a key of
   * its own; what was acknowledged, what not, and how long each write took, before and after the
   * loss.
   */
  private static final class Writes implements AutoCloseable {
    private final String url;
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger acknowledgedAfterLoss = new AtomicInteger();
    private final AtomicInteger fees = new AtomicInteger();
    private final Set<String> forumIds = ConcurrentHashMap.newKeySet();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final AtomicLong feeTotal = new AtomicLong();
    // each write's start and duration, in nanoseconds
    private final Queue<long[]> timings = new ConcurrentLinkedQueue<>();
    private volatile long lossAt = Long.MAX_VALUE;
    private volatile int acknowledgedAtLoss;

    Writes(String url) {
      this.url = url;
    }

    void start() {
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.submit(
            () -> {
              for (int i = 0; writing.get(); i++) {
                String key = "loss-" + writer + "-" + i;
                long amount = 1_000L * (writer + 1) + i;
                String forumId = timed(key, () -> Services.registerForum(url, key, "Broker loss"));
                if (forumId != null) {
                  forumIds.add(forumId);
                  if (timed(key + "-fee", () -> setFee(forumId, key + "-fee", amount))) {
                    fees.incrementAndGet();
                    feeTotal.addAndGet(amount);
                  }
                }
              }
            });
      }
    }

    /** From now on a write counts as after the loss; returns the moment. */
    long markLoss() {
      lossAt = System.nanoTime();
      acknowledgedAtLoss = acknowledged.get();
      return lossAt;
    }

    void stop() throws InterruptedException {
      close();
      assertThat(writers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    }

    @Override
    public void close() {
      writing.set(false);
      writers.shutdown();
    }

    private <T> T timed(String key, java.util.function.Supplier<T> write) {
      long start = System.nanoTime();
      T result = write.get();
      long took = System.nanoTime() - start;
      boolean after = start >= lossAt;
      timings.add(new long[] {start, took});
      if (result == null || Boolean.FALSE.equals(result)) {
        failed.add(key);
      } else {
        acknowledged.incrementAndGet();
        if (after) {
          acknowledgedAfterLoss.incrementAndGet();
        }
      }
      return result;
    }

    private Boolean setFee(String forumId, String key, long amount) {
      String body =
          Http.toJson(
              Map.of(
                  "status", "AMOUNT",
                  "amount", amount,
                  "effectiveDate", FEE_YEAR + "-03-01",
                  "reason", "Broker loss test",
                  "decisionReference", "KS 2024-02-28 § 2"));
      Http.Answer answer =
          Services.write("PUT", url + "/forums/" + forumId + "/fees/" + FEE_YEAR, key, body);
      return answer != null && answer.ok();
    }

    int acknowledged() {
      return acknowledged.get();
    }

    int acknowledgedAfterLoss() {
      return acknowledgedAfterLoss.get();
    }

    int feesAcknowledged() {
      return fees.get();
    }

    BigDecimal feeTotal() {
      return BigDecimal.valueOf(feeTotal.get());
    }

    Set<String> forumIds() {
      return Set.copyOf(forumIds);
    }

    Set<String> failed() {
      return Set.copyOf(failed);
    }

    /** Acknowledged when the loss began: writes under way then count as before it. */
    int acknowledgedAtLoss() {
      return acknowledgedAtLoss;
    }

    /** The longest write begun from {@code from} to {@code to} (nanoseconds), in milliseconds. */
    long longestMillis(long from, long to) {
      return timings.stream()
              .filter(t -> t[0] >= from && t[0] <= to)
              .mapToLong(t -> t[1])
              .max()
              .orElse(0)
          / 1_000_000;
    }
  }

  /**
   * A plain consumer (read_committed) following the topic from its start on a thread of its own:
   * when each event first became visible there, and the longest time from store to topic.
   */
  private static final class TopicTail implements AutoCloseable {
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong longestDelayMillis = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    TopicTail(String bootstrapServers) {
      Properties props = new Properties();
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      thread = new Thread(() -> follow(props), "topic-tail");
      thread.start();
    }

    private void follow(Properties props) {
      try (KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
        TopicPartition partition = new TopicPartition(Topics.FORUM_EVENTS, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        while (running.get()) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            long nanos = System.nanoTime();
            String eventId =
                new String(
                    record.headers().lastHeader(WireHeaders.EVENT_ID).value(),
                    StandardCharsets.UTF_8);
            arrivals.putIfAbsent(eventId, nanos);
            // the record's timestamp is when the registry stored the event
            longestDelayMillis.accumulateAndGet(
                System.currentTimeMillis() - record.timestamp(), Math::max);
          }
        }
      }
    }

    int events() {
      return arrivals.size();
    }

    /** When the first event became visible after {@code nanos}, if one has. */
    OptionalLong firstArrivalAfter(long nanos) {
      return arrivals.values().stream().mapToLong(Long::longValue).filter(t -> t > nanos).min();
    }

    long longestDelayMillis() {
      return longestDelayMillis.get();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(Duration.ofSeconds(30).toMillis());
    }
  }
}
