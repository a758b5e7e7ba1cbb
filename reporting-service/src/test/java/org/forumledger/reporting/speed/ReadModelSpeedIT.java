package org.forumledger.reporting.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.Topics;
import org.forumledger.events.seal.Seals;
import org.forumledger.kit.consumer.ForumEventConsumer;
import org.forumledger.reporting.consumption.EventApplier;
import org.forumledger.reporting.history.Totals;
import org.forumledger.reporting.history.TotalsCalculator;
import org.forumledger.reporting.support.AsABatchListener;
import org.forumledger.reporting.support.AsABatchListener.Received;
import org.forumledger.reporting.support.ReportingStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A long history through the read model, timed: the live consumer draining a backlog, the rest
 * applied in transactions of many events (as a batch listener applies them), the auditor's replay
 * beside a plain consumer, and reads at concurrency 1 and 8. It asserts behaviour only (the replay
 * equals the live model, the chain verifies, the totals are the fold's) and logs the figures.
 *
 * <p>Small by default so that it runs with every build; for figures run e.g. {@code
 * -Dit.test=ReadModelSpeedIT -Dledger.speed.forums=10000 -Dledger.speed.events=1000000}.
 */
class ReadModelSpeedIT {

  private static final Logger log = LoggerFactory.getLogger(ReadModelSpeedIT.class);
  private static final int FORUMS = Integer.getInteger("ledger.speed.forums", 200);
  private static final long EVENTS = Long.getLong("ledger.speed.events", 4000);
  private static final long LIVE_EVENTS =
      Math.min(EVENTS, Long.getLong("ledger.speed.live-events", 2000));
  private static final int REQUESTS = Integer.getInteger("ledger.speed.requests", 30);
  private static final int EVENTS_PER_TRANSACTION = 500;

  private static ReportingStack stack;
  private static WebTestClient largeBodies;
  private static SyntheticHistory history;
  private static final List<String> figures = new ArrayList<>();

  @BeforeAll
  static void start() {
    stack = ReportingStack.start();
    history = new SyntheticHistory(FORUMS, EVENTS);
    largeBodies =
        stack.http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(256 << 20)).build();
  }

  @AfterAll
  static void stop() {
    log.info(
        "Read model figures ({} forums, {} events):\n  {}",
        FORUMS,
        EVENTS,
        String.join("\n  ", figures));
    stack.close();
  }

  @Test
  void aLongHistoryIsConsumedReplayedAndReadConsistently() throws Exception {
    var listener =
        stack
            .app
            .getBean(KafkaListenerEndpointRegistry.class)
            .getListenerContainer(ForumEventConsumer.LISTENER_ID);

    listener.stop();
    long started = System.nanoTime();
    publish(LIVE_EVENTS, envelope -> {});
    figure("publish " + LIVE_EVENTS, started, LIVE_EVENTS);
    started = System.nanoTime();
    listener.start();
    // the position is the highest handled, not a watermark across partitions: count them all
    await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> count("applied_event") >= LIVE_EVENTS);
    figure("live consumer drains " + LIVE_EVENTS, started, LIVE_EVENTS);
    listener.stop();

    long bulk = EVENTS - LIVE_EVENTS;
    if (bulk > 0) {
      started = System.nanoTime();
      applyInTransactionsOfMany(bulk);
      figure("applied " + bulk + " in transactions of " + EVENTS_PER_TRANSACTION, started, bulk);
    }
    long last = EVENTS;
    assertThat(position()).isEqualTo(last);
    assertThat(count("event_log")).isEqualTo(EVENTS);

    started = System.nanoTime();
    long plain = readTopicWithAPlainConsumer();
    figure("plain KafkaConsumer reads the topic", started, plain);

    stack.startReplay();
    JsonNode replay = stack.awaitReplayDone(Duration.ofMinutes(30));
    double replaySeconds =
        Duration.between(
                    Instant.parse(replay.get("startedAt").asText()),
                    Instant.parse(replay.get("finishedAt").asText()))
                .toMillis()
            / 1000.0;
    figure(
        String.format(
            "replay: %d records in %.2f s = %.0f/s (live side %s)",
            replay.get("recordsRead").asLong(),
            replaySeconds,
            replay.get("recordsRead").asLong() / replaySeconds,
            replay.get("liveSource").asText()));
    assertThat(replay.get("equal").asBoolean()).isTrue();
    assertThat(replay.get("position").asLong()).isEqualTo(last);

    Totals expected = TotalsCalculator.totals(history.folded().values(), 2024, last);
    JsonNode totals = stack.asViewer("/reports/totals?year=2024");
    assertThat(totals.get("position").asLong()).isEqualTo(last);
    assertThat(totals.get("forumCount").asInt()).isEqualTo(expected.forumCount());
    assertThat(totals.get("annualFeeTotal").decimalValue())
        .isEqualByComparingTo(expected.annualFeeTotal());
    assertThat(totals.get("otherCostTotal").decimalValue())
        .isEqualByComparingTo(expected.otherCostTotal());
    assertThat(
            EventJson.mapper()
                .readTree(read("/forums").getResponseBodyContent())
                .get("count")
                .asInt())
        .isEqualTo(FORUMS);

    String knownAt = SyntheticHistory.recordedAt(EVENTS / 2).toString();
    started = System.nanoTime();
    JsonNode asKnown =
        stack.asViewer("/reports/totals?year=2023&asOf=2023-12-31&knownAt=" + knownAt);
    figure("cold fold of a slice known at the middle of the log", started, EVENTS / 2);
    assertThat(asKnown.get("position").asLong()).isEqualTo(EVENTS / 2 + 1);
    started = System.nanoTime();
    JsonNode asOf = stack.asViewer("/reports/totals?year=2023&asOf=2023-12-31");
    figure("cold fold of a slice as of 2023-12-31 known now", started, EVENTS);
    assertThat(asOf.get("position").asLong()).isEqualTo(last);

    for (String uri :
        List.of(
            "/reports/totals?year=2024",
            "/reports/totals?year=2023&asOf=2023-12-31",
            "/reports/totals?year=2023&asOf=2023-12-31&knownAt=" + knownAt,
            "/reports/appendix?year=2023&format=html",
            "/reports/appendix?year=2023&format=csv",
            "/reports/appendix?year=2023&format=xlsx",
            "/forums",
            "/forums/f-1?asOf=2022-06-30",
            "/actuator/health")) {
      timeReads(uri);
    }
    assertThat(stack.asAuditor("/audit/verify").get("intact").asBoolean()).isTrue();
  }

  /** Publishes the next {@code n} events without waiting on each; the last one's position. */
  private static long publish(long n, java.util.function.Consumer<Received> alsoWith) {
    long last = -1;
    for (long i = 0; i < n; i++) {
      EventEnvelope envelope = history.next();
      Seals.Sealed sealed = stack.registry.seal(EventJson.write(envelope));
      alsoWith.accept(new Received(envelope, sealed));
      stack.producer.send(
          new ProducerRecord<>(Topics.FORUM_EVENTS, envelope.metadata().forumId(), sealed.value()));
      last = envelope.metadata().globalPosition();
    }
    stack.producer.flush();
    return last;
  }

  /**
   * The rest of the history, on the topic for the replay and applied through the projection in
   * transactions of many events, as the kit's batch listener applies them.
   */
  private static void applyInTransactionsOfMany(long n) {
    EventApplier applier = stack.app.getBean(EventApplier.class);
    TransactionTemplate transactions =
        new TransactionTemplate(stack.app.getBean(PlatformTransactionManager.class));
    List<Received> batch = new ArrayList<>();
    publish(
        n,
        received -> {
          batch.add(received);
          if (batch.size() == EVENTS_PER_TRANSACTION) {
            AsABatchListener.applyReceivedInOneTransaction(
                applier, transactions, List.copyOf(batch));
            batch.clear();
          }
        });
    AsABatchListener.applyReceivedInOneTransaction(applier, transactions, List.copyOf(batch));
  }

  private static long readTopicWithAPlainConsumer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.kafkaBootstrapServers());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.FORUM_EVENTS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long read = 0;
      long bytes = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          read++;
          bytes += record.value().length;
        }
      }
      assertThat(bytes).isPositive();
      return read;
    }
  }

  /** The first (cold) read, then latencies at concurrency 1 and 8. */
  private static void timeReads(String uri) throws Exception {
    long cold = System.nanoTime();
    read(uri);
    double coldMs = (System.nanoTime() - cold) / 1e6;
    double[] one = latencies(uri, 1, REQUESTS);
    double[] eight = latencies(uri, 8, REQUESTS);
    figure(
        String.format(
            "%s: cold %.1f ms; c1 p50 %.1f p99 %.1f ms; c8 p50 %.1f p99 %.1f ms",
            uri,
            coldMs,
            percentile(one, 50),
            percentile(one, 99),
            percentile(eight, 50),
            percentile(eight, 99)));
  }

  private static double[] latencies(String uri, int clients, int requestsEach) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Callable<double[]>> work = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        work.add(
            () -> {
              double[] ms = new double[requestsEach];
              for (int i = 0; i < requestsEach; i++) {
                long t = System.nanoTime();
                read(uri);
                ms[i] = (System.nanoTime() - t) / 1e6;
              }
              return ms;
            });
      }
      List<double[]> all = new ArrayList<>();
      for (Future<double[]> f : pool.invokeAll(work)) {
        all.add(f.get());
      }
      return all.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
    } finally {
      pool.shutdown();
    }
  }

  private static EntityExchangeResult<byte[]> read(String uri) {
    return largeBodies
        .get()
        .uri(uri)
        .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .returnResult();
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
  }

  private static void figure(String what, long startedNanos, long events) {
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    figure(String.format("%s: %.2f s = %.0f events/s", what, seconds, events / seconds));
  }

  private static void figure(String line) {
    log.info("Figure: {}", line);
    figures.add(line);
  }

  private static long position() {
    return stack.jdbc.queryForObject(
        "select global_position from applied_position where id = 1", Long.class);
  }

  private static long count(String table) {
    return stack.jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
