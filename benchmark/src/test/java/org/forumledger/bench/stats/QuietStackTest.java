package org.forumledger.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuietStackTest {

  @Test
  void aStackWhoseCpuDoesNotMoveIsQuietAtTheFirstProbe() {
    QuietStack.Result result = QuietStack.await(() -> 12.5, Duration.ofSeconds(30));

    assertThat(result.quiet()).isTrue();
    assertThat(result.cores()).isZero();
    assertThat(result.seconds()).isLessThan(30);
  }

  @Test
  void aStackStillBusyWhenTimeRunsOutIsReportedAsSuch() {
    long started = System.nanoTime();
    QuietStack.Result result =
        QuietStack.await(() -> (System.nanoTime() - started) / 1e9, Duration.ZERO);

    assertThat(result.quiet()).isFalse();
    assertThat(result.cores()).isGreaterThan(QuietStack.QUIET_CORES);
    assertThat(result.describe()).startsWith("the stack's CPU was still");
  }

  @Test
  void anUnknownCpuIsNotAwaited() {
    QuietStack.Result result = QuietStack.await(() -> Double.NaN, Duration.ofSeconds(30));

    assertThat(result.quiet()).isFalse();
    assertThat(result.describe()).contains("not known");
  }
}
