package org.forumledger.bench.stats;

import java.util.Arrays;

/**
 * Latencies of a run in milliseconds, by the nearest-rank method: p99 of 100 samples is the 99th
 * smallest, so a percentile is always a latency that was measured.
 */
public record LatencySummary(long count, double p50Ms, double p99Ms, double maxMs, double meanMs) {

  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

  public static LatencySummary ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      return EMPTY;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new LatencySummary(
        sorted.length,
        millis(nearestRank(sorted, 50)),
        millis(nearestRank(sorted, 99)),
        millis(sorted[sorted.length - 1]),
        sum / sorted.length / 1e6);
  }

  /** The smallest sample such that at least {@code percentile} % of the samples are at or below. */
  static long nearestRank(long[] sorted, double percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}
