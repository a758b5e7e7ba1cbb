package org.forumledger.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  private static final long MS = 1_000_000;

  @Test
  void percentilesAreMeasuredSamplesByNearestRank() {
    // 1..100 ms, shuffled: p50 is the 50th smallest, p99 the 99th
    long[] nanos = LongStream.rangeClosed(1, 100).map(i -> ((i * 37) % 100 + 1) * MS).toArray();

    LatencySummary summary = LatencySummary.ofNanos(nanos);

    assertThat(summary.count()).isEqualTo(100);
    assertThat(summary.p50Ms()).isEqualTo(50.0);
    assertThat(summary.p99Ms()).isEqualTo(99.0);
    assertThat(summary.maxMs()).isEqualTo(100.0);
    assertThat(summary.meanMs()).isEqualTo(50.5);
  }

  @Test
  void aFewSamplesGiveTheirOwnValuesNeverAnInterpolation() {
    LatencySummary summary = LatencySummary.ofNanos(new long[] {30 * MS, 10 * MS, 20 * MS});

    assertThat(summary.p50Ms()).isEqualTo(20.0);
    assertThat(summary.p99Ms()).isEqualTo(30.0);
  }

  @Test
  void oneSlowRequestInAHundredIsNotTheP99ButTwoAre() {
    long[] one = LongStream.range(0, 100).map(i -> i == 0 ? 900 * MS : MS).toArray();
    long[] two = LongStream.range(0, 100).map(i -> i < 2 ? 900 * MS : MS).toArray();

    assertThat(LatencySummary.ofNanos(one).p99Ms()).isEqualTo(1.0);
    assertThat(LatencySummary.ofNanos(two).p99Ms()).isEqualTo(900.0);
  }

  @Test
  void noSamplesIsAnEmptySummary() {
    assertThat(LatencySummary.ofNanos(new long[0])).isEqualTo(LatencySummary.EMPTY);
  }

  @Test
  void recordersMergeEverySampleOfEveryThread() {
    LatencyRecorder a = new LatencyRecorder();
    LatencyRecorder b = new LatencyRecorder();
    for (int i = 0; i < 3000; i++) {
      a.record(i);
    }
    b.record(7);

    assertThat(LatencyRecorder.merge(List.of(a, b))).hasSize(3001).endsWith(2999, 7);
  }
}
