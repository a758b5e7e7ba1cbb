package org.forumledger.bench.stats;

import java.util.Arrays;

/** Latencies of one thread, kept exactly: a run of minutes at thousands a second is a few MB. */
public final class LatencyRecorder {

  private long[] nanos = new long[1024];
  private int size;

  public void record(long latencyNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = latencyNanos;
  }

  public int size() {
    return size;
  }

  public long[] toArray() {
    return Arrays.copyOf(nanos, size);
  }

  public static long[] merge(Iterable<LatencyRecorder> recorders) {
    int total = 0;
    for (LatencyRecorder r : recorders) {
      total += r.size;
    }
    long[] all = new long[total];
    int at = 0;
    for (LatencyRecorder r : recorders) {
      System.arraycopy(r.nanos, 0, all, at, r.size);
      at += r.size;
    }
    return all;
  }
}
