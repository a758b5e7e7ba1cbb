package org.forumledger.bench.freshness;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.forumledger.bench.stats.Daemons;
import org.forumledger.bench.stats.LatencySummary;

/**
 * Polls one consumer's position back to back and notes when each new position was first seen. A
 * position counts as visible when the answer that showed it arrived: an upper bound, tight to one
 * poll's round trip, whose median is kept as the resolution.
 */
public final class PositionWatch implements AutoCloseable {

  private record Seen(long nanos, long position) {}

  /** Between polls: fine enough for a p50 of milliseconds, light enough not to load the stack. */
  private static final long PAUSE_MILLIS = 10;

  private final LongSupplier probe;
  private final List<Seen> seen = new ArrayList<>();
  private final List<Long> pollNanos = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private long failures;

  public PositionWatch(String name, LongSupplier probe) {
    this.probe = probe;
    this.thread = Daemons.start("watch-" + name, this::loop);
  }

  private void loop() {
    while (running) {
      long asked = System.nanoTime();
      try {
        long position = probe.getAsLong();
        long answered = System.nanoTime();
        synchronized (this) {
          pollNanos.add(answered - asked);
          if (seen.isEmpty() || position > seen.get(seen.size() - 1).position()) {
            seen.add(new Seen(answered, position));
          }
        }
      } catch (RuntimeException e) {
        synchronized (this) {
          failures++;
        }
      }
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  public synchronized long latest() {
    return seen.isEmpty() ? Long.MIN_VALUE : seen.get(seen.size() - 1).position();
  }

  /** When a position at or beyond {@code position} was first seen. */
  public synchronized OptionalLong firstReached(long position) {
    for (Seen s : seen) {
      if (s.position() >= position) {
        return OptionalLong.of(s.nanos());
      }
    }
    return OptionalLong.empty();
  }

  public synchronized double medianPollMillis() {
    return LatencySummary.ofNanos(pollNanos.stream().mapToLong(Long::longValue).toArray()).p50Ms();
  }

  public synchronized long failures() {
    return failures;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(10_000);
  }
}
