package org.forumledger.bench.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.forumledger.bench.freshness.ReadSide;
import org.forumledger.bench.freshness.ReadSidePositions;
import org.forumledger.bench.freshness.RegistryStore;
import org.forumledger.bench.history.HistoryPublisher.Published;
import org.forumledger.bench.history.TopicScan.FullRead;
import org.forumledger.bench.http.Http;
import org.forumledger.bench.process.StackEndpoints;
import org.forumledger.bench.stats.Await;
import org.forumledger.events.seal.KeyFiles;
import org.forumledger.events.seal.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a long history above everything the stack holds, then times the live consumers catching
 * up, a plain consumer reading the topic, the cost rebuild and the reporting replay.
 */
public final class HistoryPhase {

  private static final Logger log = LoggerFactory.getLogger(HistoryPhase.class);
  private static final Duration POLL = Duration.ofMillis(50);

  private final Http http;
  private final StackEndpoints stack;
  private final ReadSidePositions positions;
  private final ReadSide readSide;
  private final RegistryStore registry;
  private final DoubleSupplier stackCpuSeconds;
  private final Duration timeout;

  public HistoryPhase(
      Http http,
      StackEndpoints stack,
      ReadSidePositions positions,
      ReadSide readSide,
      RegistryStore registry,
      DoubleSupplier stackCpuSeconds,
      Duration timeout) {
    this.http = http;
    this.stack = stack;
    this.positions = positions;
    this.readSide = readSide;
    this.registry = registry;
    this.stackCpuSeconds = stackCpuSeconds;
    this.timeout = timeout;
  }

  public HistoryResult run(int forums, long events, long seed) {
    log.info(
        "History: waiting for the read side to drain first: {}", readSide.awaitDrained(timeout));
    TopicScan.Tip tip = TopicScan.tip(stack.kafkaBootstrapServers());
    long highest =
        Math.max(
            Math.max(tip.lastPosition(), registry.highestPosition()),
            Math.max(positions.cost(), positions.reporting()));
    Instant notBefore = tip.lastRecordedAt() == null ? Instant.EPOCH : tip.lastRecordedAt();
    HistoryGenerator history =
        new HistoryGenerator(
            forums,
            events,
            highest + 1,
            notBefore,
            Clock.systemUTC(),
            seed,
            Long.toString(System.currentTimeMillis(), 36));
    long last = history.lastPosition();
    log.info(
        "History: publishing {} events over {} forums, positions {}..{}",
        events,
        forums,
        highest + 1,
        last);

    long started = System.nanoTime();
    double cpuAtStart = stackCpuSeconds.getAsDouble();
    SigningKey key =
        KeyFiles.active(stack.signingKeyDir())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No registry signing key in " + stack.signingKeyDir()));
    Published published =
        HistoryPublisher.publish(stack.kafkaBootstrapServers(), history, key, tip.lastLink());
    log.info("History: published {}", published);
    HistoryResult.Stage[] catchUp = catchUp(last, events, started, cpuAtStart);
    log.info("History: cost caught up {}, reporting {}", catchUp[0], catchUp[1]);

    FullRead plain = TopicScan.readAll(stack.kafkaBootstrapServers());
    log.info("History: plain consumer {}", plain);
    HistoryResult.Stage rebuild = rebuild(last, plain);
    log.info("History: cost rebuild {}", rebuild);
    HistoryResult.Replay replay = replay(plain);
    log.info("History: reporting replay {}", replay);
    return new HistoryResult(
        forums,
        published,
        withRatio(catchUp[0], plain),
        withRatio(catchUp[1], plain),
        plain,
        rebuild,
        replay);
  }

  /**
   * Follows both live consumers from the start of the publication until each reaches {@code last}:
   * cost first, reporting second.
   */
  private HistoryResult.Stage[] catchUp(long last, long events, long startedNanos, double cpu) {
    LongSupplier[] probes = {positions::cost, positions::reporting};
    long[] reachedAt = {-1, -1};
    long[] seen = {Long.MIN_VALUE, Long.MIN_VALUE};
    long deadline = startedNanos + timeout.toNanos();
    while ((reachedAt[0] < 0 || reachedAt[1] < 0) && System.nanoTime() < deadline) {
      for (int i = 0; i < probes.length; i++) {
        if (reachedAt[i] < 0) {
          try {
            seen[i] = probes[i].getAsLong();
          } catch (RuntimeException e) {
            continue; // busy; next poll
          }
          if (seen[i] >= last) {
            reachedAt[i] = System.nanoTime();
          }
        }
      }
      Await.pause(POLL);
    }
    Double cores = cores(cpu, (System.nanoTime() - startedNanos) / 1e9);
    HistoryResult.Stage[] stages = new HistoryResult.Stage[2];
    for (int i = 0; i < probes.length; i++) {
      boolean finished = reachedAt[i] >= 0;
      long until = finished ? reachedAt[i] : System.nanoTime();
      double seconds = (until - startedNanos) / 1e9;
      long applied = finished ? events : Math.max(0, events - (last - seen[i]));
      stages[i] =
          new HistoryResult.Stage(
              finished,
              seconds,
              events,
              applied / seconds,
              seen[i],
              timeout.toSeconds(),
              cores,
              null,
              finished
                  ? "since publication began"
                  : "did not finish within "
                      + timeout.toSeconds()
                      + " s; rate over "
                      + applied
                      + " events applied");
    }
    return stages;
  }

  private HistoryResult.Stage withRatio(HistoryResult.Stage stage, FullRead plain) {
    return new HistoryResult.Stage(
        stage.finished(),
        stage.seconds(),
        stage.events(),
        stage.perSecond(),
        stage.lastPosition(),
        stage.timeoutSeconds(),
        stage.stackCpuCores(),
        stage.perSecond() / plain.perSecond(),
        stage.note());
  }

  /**
   * A rebuild as the cost service reports it: the request starts it and answers at once, the
   * benchmark follows its progress until it is done, and takes the records it read and the
   * milliseconds it took from the service's own figures. It checks that the live position is back
   * at the end afterwards.
   */
  private HistoryResult.Stage rebuild(long last, FullRead plain) {
    long started = System.nanoTime();
    double cpuAtStart = stackCpuSeconds.getAsDouble();
    String registrar = stack.users().registrarAuth();
    Http.Answer answer = http.post(stack.costUrl() + "/costs/admin/rebuild", registrar);
    if (!answer.ok()) {
      return new HistoryResult.Stage(
          false,
          (System.nanoTime() - started) / 1e9,
          plain.records(),
          0,
          0,
          timeout.toSeconds(),
          cores(cpuAtStart, (System.nanoTime() - started) / 1e9),
          null,
          "rebuild refused: " + answer.status() + " " + answer.snippet());
    }
    JsonNode[] progress = {answer.json()};
    Await.Result finished =
        Await.until(
            () -> {
              progress[0] = http.get(stack.costUrl() + "/costs/admin/rebuild", registrar).json();
              return "RUNNING".equals(progress[0].path("state").asText()) ? 0 : 1;
            },
            done -> done == 1,
            timeout,
            POLL);
    double followedSeconds = (System.nanoTime() - started) / 1e9;
    Double cores = cores(cpuAtStart, followedSeconds);
    JsonNode done = progress[0];
    if (!finished.reached() || !"DONE".equals(done.path("state").asText())) {
      return new HistoryResult.Stage(
          false,
          followedSeconds,
          plain.records(),
          0,
          0,
          timeout.toSeconds(),
          cores,
          null,
          String.format(
              Locale.ROOT,
              "rebuild %s after %.1f s: %d of %d records read%s",
              done.path("state").asText(),
              followedSeconds,
              done.path("recordsRead").asLong(),
              done.path("recordsTotal").asLong(),
              done.path("error").isTextual() ? ", " + done.path("error").asText() : ""));
    }
    long records = done.path("recordsRead").asLong();
    long position = done.path("position").asLong();
    double serverSeconds = done.path("millis").asLong() / 1000.0;
    double rate = records / (serverSeconds > 0 ? serverSeconds : followedSeconds);
    Await.Result live = Await.until(positions::cost, p -> p >= last, timeout, POLL);
    String note =
        String.format(
            Locale.ROOT,
            "%d records read, %d applied, %d parked, rebuilt to position %d in %.1f s by the"
                + " service (%.1f s from the request to seeing it done); live position at the"
                + " end afterwards: %s",
            records,
            done.path("applied").asLong(),
            done.path("parked").asLong(),
            position,
            serverSeconds,
            followedSeconds,
            live.reached());
    return new HistoryResult.Stage(
        position >= last && live.reached(),
        serverSeconds > 0 ? serverSeconds : followedSeconds,
        records,
        rate,
        position,
        timeout.toSeconds(),
        cores,
        rate / plain.perSecond(),
        note);
  }

  private HistoryResult.Replay replay(FullRead plain) {
    long started = System.nanoTime();
    double cpuAtStart = stackCpuSeconds.getAsDouble();
    String auditor = stack.users().auditorAuth();
    Http.Answer start = http.post(stack.reportingUrl() + "/admin/replay", auditor);
    if (!start.ok()) {
      return new HistoryResult.Replay(
          "NOT STARTED",
          false,
          0,
          null,
          0,
          0,
          null,
          start.status() + " " + start.snippet(),
          timeout.toSeconds(),
          null,
          null);
    }
    JsonNode[] progress = {start.json()};
    Await.Result result =
        Await.until(
            () -> {
              progress[0] = http.get(stack.reportingUrl() + "/admin/replay", auditor).json();
              String state = progress[0].path("state").asText();
              return "DONE".equals(state) || "FAILED".equals(state) ? 1 : 0;
            },
            done -> done == 1,
            timeout,
            POLL);
    double seconds = (System.nanoTime() - started) / 1e9;
    JsonNode p = progress[0];
    long records = p.path("recordsRead").asLong();
    Double serverSeconds = serverSeconds(p);
    double rate = records / (serverSeconds == null ? seconds : serverSeconds);
    return new HistoryResult.Replay(
        p.path("state").asText(),
        result.reached(),
        seconds,
        serverSeconds,
        records,
        rate,
        p.path("equal").isBoolean() ? p.path("equal").asBoolean() : null,
        p.path("error").isTextual() ? p.path("error").asText() : null,
        timeout.toSeconds(),
        cores(cpuAtStart, seconds),
        rate / plain.perSecond());
  }

  private static Double serverSeconds(JsonNode progress) {
    if (!progress.path("startedAt").isTextual() || !progress.path("finishedAt").isTextual()) {
      return null;
    }
    Instant from = Instant.parse(progress.path("startedAt").asText());
    Instant to = Instant.parse(progress.path("finishedAt").asText());
    return Duration.between(from, to).toNanos() / 1e9;
  }

  private Double cores(double cpuAtStart, double seconds) {
    double now = stackCpuSeconds.getAsDouble();
    return Double.isNaN(now) || Double.isNaN(cpuAtStart) ? null : (now - cpuAtStart) / seconds;
  }
}
