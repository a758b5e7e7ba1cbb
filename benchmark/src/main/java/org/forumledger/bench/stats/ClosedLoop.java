package org.forumledger.bench.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.IntFunction;

/**
 * N clients, each on its own thread, each sending its next request as soon as the previous one is
 * answered. Requests started during the warm-up are not counted; requests started in the window
 * are, and the window lasts until the last of them is answered.
 */
public final class ClosedLoop {

  /** One client: sends one request and says how it went. Each client lives on one thread. */
  public interface Client extends AutoCloseable {
    Outcome call() throws Exception;

    @Override
    default void close() throws Exception {}
  }

  private ClosedLoop() {}

  public static LoadResult run(
      int clients, Duration warmup, Duration window, IntFunction<Client> newClient) {
    ExecutorService threads = Executors.newFixedThreadPool(clients, Daemons.named("load"));
    long warmupEnds = System.nanoTime() + warmup.toNanos();
    long windowEnds = warmupEnds + window.toNanos();
    LongAccumulator lastAnswer = new LongAccumulator(Math::max, windowEnds);
    AtomicLong succeeded = new AtomicLong();
    Errors errors = new Errors();
    List<LatencyRecorder> recorders = new ArrayList<>();
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      LatencyRecorder recorder = new LatencyRecorder();
      recorders.add(recorder);
      int index = i;
      running.add(
          threads.submit(
              () -> {
                try (Client client = newClient.apply(index)) {
                  while (true) {
                    long started = System.nanoTime();
                    if (started >= windowEnds) {
                      break;
                    }
                    Outcome outcome = callSafely(client);
                    long answered = System.nanoTime();
                    if (started >= warmupEnds) {
                      recorder.record(answered - started);
                      lastAnswer.accumulate(answered);
                      if (outcome.ok()) {
                        succeeded.incrementAndGet();
                      } else {
                        errors.add(outcome.error());
                      }
                    } else if (!outcome.ok()) {
                      // not timed, but a request that fails or hangs in the warm-up is a finding
                      errors.add("in the warm-up: " + outcome.error());
                    }
                  }
                } catch (Exception e) {
                  errors.add("client " + index + " failed: " + e);
                }
                return null;
              }));
    }
    try {
      for (Future<?> f : running) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("A load client failed", e);
    } finally {
      threads.shutdownNow();
      awaitQuietly(threads);
    }
    double seconds = (lastAnswer.get() - warmupEnds) / 1e9;
    return new LoadResult(
        clients,
        seconds,
        succeeded.get(),
        succeeded.get() / seconds,
        LatencySummary.ofNanos(LatencyRecorder.merge(recorders)),
        errors.count(),
        errors.first());
  }

  private static Outcome callSafely(Client client) {
    try {
      return client.call();
    } catch (Exception e) {
      return Outcome.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static void awaitQuietly(ExecutorService threads) {
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
