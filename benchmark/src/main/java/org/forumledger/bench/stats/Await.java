package org.forumledger.bench.stats;

import java.time.Duration;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * Polls a value until it satisfies a condition or time runs out. The pause between polls only sets
 * the resolution; the time reported is when the poll that saw the condition was answered.
 */
public final class Await {

  /** Whether the condition was met, after how long, and the last value seen. */
  public record Result(boolean reached, double seconds, long lastValue) {}

  private Await() {}

  public static Result until(
      LongSupplier probe, LongPredicate done, Duration timeout, Duration pause) {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    long last = Long.MIN_VALUE;
    while (true) {
      try {
        last = probe.getAsLong();
      } catch (RuntimeException e) {
        // a probe that fails now (a service busy restarting its consumer) may answer next time
      }
      long now = System.nanoTime();
      if (last != Long.MIN_VALUE && done.test(last)) {
        return new Result(true, (now - started) / 1e9, last);
      }
      if (now >= deadline) {
        return new Result(false, (now - started) / 1e9, last);
      }
      pause(pause);
    }
  }

  public static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
