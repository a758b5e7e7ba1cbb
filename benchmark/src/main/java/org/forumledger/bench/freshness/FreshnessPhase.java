package org.forumledger.bench.freshness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.locks.LockSupport;
import org.forumledger.bench.commands.CommandMix;
import org.forumledger.bench.commands.RegistryWriter;
import org.forumledger.bench.http.Http;
import org.forumledger.bench.process.StackEndpoints;
import org.forumledger.bench.stats.Await;
import org.forumledger.bench.stats.Daemons;
import org.forumledger.bench.stats.Errors;
import org.forumledger.bench.stats.LatencyRecorder;
import org.forumledger.bench.stats.LatencySummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands sent on a fixed schedule (command i is due at start + i / rate, whichever client is free
 * sends it), then followed to the topic and into both consumers' positions.
 */
public final class FreshnessPhase {

  private static final Logger log = LoggerFactory.getLogger(FreshnessPhase.class);

  private record Answered(String forumId, long version, long answeredNanos) {}

  private final Http http;
  private final StackEndpoints stack;
  private final ReadSidePositions positions;
  private final ReadSide readSide;
  private final Duration timeout;

  public FreshnessPhase(
      Http http,
      StackEndpoints stack,
      ReadSidePositions positions,
      ReadSide readSide,
      Duration timeout) {
    this.http = http;
    this.stack = stack;
    this.positions = positions;
    this.readSide = readSide;
    this.timeout = timeout;
  }

  public FreshnessResult run(String name, double rate, int clients, Duration duration)
      throws Exception {
    Await.Result before = readSide.awaitDrained(timeout);
    log.info("{}: read side drained before the burst: {}", name, before);
    try (TopicTail tail = new TopicTail(stack.kafkaBootstrapServers());
        PositionWatch cost = new PositionWatch("cost", positions::cost);
        PositionWatch reporting = new PositionWatch("reporting", positions::reporting)) {
      ConcurrentLinkedQueue<Answered> answered = new ConcurrentLinkedQueue<>();
      Errors errors = new Errors();
      AtomicLong sent = new AtomicLong();
      LongAccumulator lastSent = new LongAccumulator(Math::max, 0);
      List<LatencyRecorder> answerTimes = new ArrayList<>();
      long started = System.nanoTime() + Duration.ofMillis(200).toNanos();
      long ends = started + duration.toNanos();
      double interval = 1e9 / rate;
      AtomicLong tickets = new AtomicLong();
      ExecutorService threads = Executors.newFixedThreadPool(clients, Daemons.named("paced"));
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        LatencyRecorder recorder = new LatencyRecorder();
        answerTimes.add(recorder);
        CommandMix mix = new CommandMix(name + i + "-" + System.nanoTime(), i * 17L + 3);
        RegistryWriter writer =
            new RegistryWriter(http, stack.registryUrl(), stack.users().registrarAuth(), mix);
        running.add(
            threads.submit(
                () -> {
                  while (true) {
                    long due = started + (long) (tickets.getAndIncrement() * interval);
                    if (due >= ends) {
                      return null;
                    }
                    sleepUntil(due);
                    long asked = System.nanoTime();
                    sent.incrementAndGet();
                    lastSent.accumulate(asked);
                    try {
                      RegistryWriter.Written written = writer.next();
                      long now = System.nanoTime();
                      recorder.record(now - asked);
                      if (!written.answer().ok()) {
                        errors.add(RegistryWriter.describe(written));
                      } else if (written.newEvent()) {
                        answered.add(new Answered(written.forumId(), written.version(), now));
                      }
                    } catch (RuntimeException e) {
                      errors.add(e.toString());
                    }
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      threads.shutdown();
      long burstEnded = System.nanoTime();
      double seconds = (burstEnded - started) / 1e9;
      // n commands due 1/rate apart span (n - 1)/rate; a late schedule spans longer
      double sendingSeconds =
          Math.max((lastSent.get() - started) / 1e9, Math.max(0, sent.get() - 1) / rate);
      List<Answered> commands = List.copyOf(answered);
      log.info("{}: {} commands in {} s; following them to the read side", name, sent, seconds);

      long deadline = burstEnded + timeout.toNanos();
      long highest = awaitOnTopic(tail, commands, deadline);
      Await.Result costDrained =
          Await.until(cost::latest, p -> p >= highest, remaining(deadline), Duration.ofMillis(10));
      Await.Result reportingDrained =
          Await.until(
              reporting::latest, p -> p >= highest, remaining(deadline), Duration.ofMillis(10));

      LatencyRecorder toKafka = new LatencyRecorder();
      LatencyRecorder toCost = new LatencyRecorder();
      LatencyRecorder toReporting = new LatencyRecorder();
      long unresolved = 0;
      for (Answered command : commands) {
        TopicTail.Arrival arrival = tail.arrival(command.forumId(), command.version()).orElse(null);
        if (arrival == null) {
          unresolved++;
          continue;
        }
        toKafka.record(Math.max(0, arrival.nanos() - command.answeredNanos()));
        record(toCost, cost.firstReached(arrival.globalPosition()), command);
        record(toReporting, reporting.firstReached(arrival.globalPosition()), command);
      }
      return new FreshnessResult(
          name,
          rate,
          sendingSeconds == 0 ? 0 : Math.max(0, sent.get() - 1) / sendingSeconds,
          clients,
          seconds,
          sent.get(),
          commands.size(),
          errors.count(),
          errors.first(),
          LatencySummary.ofNanos(LatencyRecorder.merge(answerTimes)),
          LatencySummary.ofNanos(toKafka.toArray()),
          LatencySummary.ofNanos(toCost.toArray()),
          LatencySummary.ofNanos(toReporting.toArray()),
          unresolved,
          drainedAfter(cost, highest, burstEnded, costDrained.reached()),
          drainedAfter(reporting, highest, burstEnded, reportingDrained.reached()),
          timeout.toSeconds(),
          cost.medianPollMillis(),
          reporting.medianPollMillis(),
          before.seconds(),
          before.reached());
    }
  }

  /** Waits until every answered command's event is on the topic; its highest position. */
  private static long awaitOnTopic(TopicTail tail, List<Answered> commands, long deadline) {
    long highest = 0;
    for (Answered command : commands) {
      while (tail.arrival(command.forumId(), command.version()).isEmpty()
          && System.nanoTime() < deadline) {
        Await.pause(Duration.ofMillis(10));
      }
      highest =
          Math.max(
              highest,
              tail.arrival(command.forumId(), command.version())
                  .map(TopicTail.Arrival::globalPosition)
                  .orElse(0L));
    }
    return highest;
  }

  private static void record(LatencyRecorder recorder, OptionalLong seen, Answered command) {
    if (seen.isPresent()) {
      recorder.record(Math.max(0, seen.getAsLong() - command.answeredNanos()));
    }
  }

  private static Double drainedAfter(
      PositionWatch watch, long highest, long burstEnded, boolean reached) {
    OptionalLong at = watch.firstReached(highest);
    return reached && at.isPresent() ? Math.max(0, at.getAsLong() - burstEnded) / 1e9 : null;
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  private static void sleepUntil(long due) {
    long wait;
    while ((wait = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
