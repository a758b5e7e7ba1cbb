package org.forumledger.cost.speed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.forumledger.cost.support.CostStack;
import org.forumledger.cost.support.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A measuring harness, not a timed assertion: fills the read model straight in SQL with {@code
 * speed.forums} forums (default 108) and {@code speed.events} applied events (default 20 000), then
 * times the read endpoints at concurrency 1 and 8 ({@code speed.repeats} requests per client,
 * default 30) and logs the figures. Run by hand with e.g. {@code -Dspeed.forums=10000
 * -Dspeed.events=1000000}.
 */
class ReadSpeedIT {

  private static final Logger log = LoggerFactory.getLogger(ReadSpeedIT.class);
  private static final int FORUMS = Integer.getInteger("speed.forums", 108);
  private static final int EVENTS =
      Math.max(Integer.getInteger("speed.events", 20_000), 4 * FORUMS);
  private static final int REPEATS = Integer.getInteger("speed.repeats", 30);
  private static final List<String> READS =
      List.of(
          "/costs/years/2023",
          "/costs/years/2023/forums",
          "/costs/projections?from=2023&to=2026",
          "/costs/mandate-periods/2023-2026",
          "/costs/years/2023/explain",
          "/costs/forums/forum-7");

  static CostStack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = CostStack.start();
    stack.stopListener();
    long started = System.nanoTime();
    SyntheticReadModel.fill(stack.context().getBean(JdbcTemplate.class), FORUMS, EVENTS);
    log.info(
        "SPEED filled the read model with {} forums and {} applied events in {} ms",
        FORUMS,
        EVENTS,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void readsAnswerForEveryForumAtTheFilledPosition() throws Exception {
    JsonNode year = Json.get(stack.viewer(), "/costs/years/2023");
    assertThat(year.get("forumCount").asInt()).isEqualTo(FORUMS);
    assertThat(year.get("position").asLong()).isEqualTo(EVENTS);

    WebTestClient viewer = stack.viewer();
    for (String uri : READS) {
      long cold = timed(viewer, uri);
      List<Long> one = new ArrayList<>();
      for (int i = 0; i < REPEATS; i++) {
        one.add(timed(viewer, uri));
      }
      double serverBefore = serverMillis(uri);
      long serverCountBefore = serverCount(uri);
      List<Long> eight = concurrently(uri, 8, Math.max(1, REPEATS * 5 / 6));
      double serverMean =
          (serverMillis(uri) - serverBefore) / Math.max(1, serverCount(uri) - serverCountBefore);
      log.info(
          "SPEED {} forums/{} events {}: first {} ms; c1 p50 {} ms p99 {} ms; c8 p50 {} ms p99 {}"
              + " ms, server mean {} ms",
          FORUMS,
          EVENTS,
          uri,
          micros(cold),
          micros(percentile(one, 50)),
          micros(percentile(one, 99)),
          micros(percentile(eight, 50)),
          micros(percentile(eight, 99)),
          String.format("%.2f", serverMean));
    }
  }

  private static List<Long> concurrently(String uri, int clients, int each) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(
            pool.submit(
                () -> {
                  WebTestClient client = stack.viewer();
                  List<Long> times = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    times.add(timed(client, uri));
                  }
                  return times;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : futures) {
        all.addAll(f.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long timed(WebTestClient client, String uri) {
    long start = System.nanoTime();
    // streamed, not collected: a year table of 10 000 forums outgrows the client's buffer
    client
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(byte[].class)
        .getResponseBody()
        .blockLast();
    return System.nanoTime() - start;
  }

  private static Timer serverTimer(String uri) {
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    String template =
        path.replace("/2023-2026", "/{period}")
            .replace("/2023", "/{year}")
            .replace("/forum-7", "/{forumId}");
    return stack
        .context()
        .getBean(MeterRegistry.class)
        .find("http.server.requests")
        .tag("uri", template)
        .timer();
  }

  private static double serverMillis(String uri) {
    Timer timer = serverTimer(uri);
    return timer == null ? 0 : timer.totalTime(TimeUnit.MILLISECONDS);
  }

  private static long serverCount(String uri) {
    Timer timer = serverTimer(uri);
    return timer == null ? 0 : timer.count();
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }

  private static String micros(long nanos) {
    return String.format("%.2f", nanos / 1_000_000.0);
  }
}
