package org.forumledger.bench.stats;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits until the stack's processes use little CPU. After a load, the JIT goes on compiling what
 * the load made hot, on one compiler thread for the whole local stack (all services and the broker
 * share one JVM on a 2-core machine), for up to minutes; a window measured before that is over
 * measures the compiler as much as the stack.
 */
public final class QuietStack {

  /** Below this many cores, averaged over one probe, the stack counts as quiet. */
  static final double QUIET_CORES = 0.25;

  private static final Duration PROBE = Duration.ofSeconds(2);

  /** Whether it became quiet, after how long, and the cores used over the last probe. */
  public record Result(boolean quiet, double seconds, double cores) {

    public String describe() {
      if (Double.isNaN(cores)) {
        return "the stack's CPU is not known here, so it was not awaited";
      }
      return String.format(
          "the stack's CPU %s %.2f cores %.1f s after",
          quiet ? "fell to" : "was still", cores, seconds);
    }
  }

  private QuietStack() {}

  /** {@code cpuSeconds} gives the CPU the stack has used so far, or NaN when it is not known. */
  public static Result await(DoubleSupplier cpuSeconds, Duration timeout) {
    long started = System.nanoTime();
    while (true) {
      double before = cpuSeconds.getAsDouble();
      if (Double.isNaN(before)) {
        return new Result(false, 0, Double.NaN);
      }
      long probeStarted = System.nanoTime();
      Await.pause(PROBE);
      long now = System.nanoTime();
      double cores = (cpuSeconds.getAsDouble() - before) / ((now - probeStarted) / 1e9);
      double seconds = (now - started) / 1e9;
      if (cores < QUIET_CORES || now - started >= timeout.toNanos()) {
        return new Result(cores < QUIET_CORES, seconds, cores);
      }
    }
  }
}
