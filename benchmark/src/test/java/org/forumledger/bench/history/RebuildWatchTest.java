package org.forumledger.bench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class RebuildWatchTest {

  private static LongSupplier answers(Long... positions) {
    Iterator<Long> next = List.of(positions).iterator();
    long[] last = {0};
    return () -> next.hasNext() ? (last[0] = next.next()) : last[0];
  }

  @Test
  void aRebuildIsDoneWhenThePositionIsBackAtTheEndAfterItsDrop() {
    RebuildWatch watch =
        RebuildWatch.follow(
            answers(100L, 0L, 40L, 99L, 100L), 100, Duration.ofSeconds(5), Duration.ZERO);

    assertThat(watch.finished()).isTrue();
    assertThat(watch.dropSeen()).isTrue();
    assertThat(watch.lastPosition()).isEqualTo(100);
  }

  @Test
  void aRebuildThatNeverGetsBackToTheEndDoesNotFinish() {
    RebuildWatch watch =
        RebuildWatch.follow(answers(0L, 10L, 20L), 100, Duration.ofMillis(200), Duration.ZERO);

    assertThat(watch.finished()).isFalse();
    assertThat(watch.lastPosition()).isEqualTo(20);
  }
}
