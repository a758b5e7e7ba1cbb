package org.forumledger.bench.history;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.forumledger.bench.stats.Await;

/**
 * Follows a rebuild by its position: the read model is emptied (the position drops) and the topic
 * replayed (it climbs back to the end). A rebuild faster than one poll, or done inside the request
 * that asked for it, shows no drop: when the position stays at the end for {@link #NO_DROP_GRACE}
 * after the request, the rebuild counts as done at the first poll that saw the end.
 */
record RebuildWatch(boolean finished, boolean dropSeen, long endedNanos, long lastPosition) {

  static final Duration NO_DROP_GRACE = Duration.ofSeconds(10);

  static RebuildWatch follow(LongSupplier position, long end, Duration timeout, Duration pause) {
    long asked = System.nanoTime();
    long deadline = asked + timeout.toNanos();
    boolean dropped = false;
    long firstAtEnd = -1;
    long last = Long.MIN_VALUE;
    while (System.nanoTime() < deadline) {
      try {
        last = position.getAsLong();
      } catch (RuntimeException e) {
        Await.pause(pause); // the service may be busy swapping its consumer; ask again
        continue;
      }
      long now = System.nanoTime();
      if (last < end) {
        dropped = true;
      } else if (dropped) {
        return new RebuildWatch(true, true, now, last);
      } else if (firstAtEnd < 0) {
        firstAtEnd = now;
      }
      if (!dropped && firstAtEnd >= 0 && now - asked >= NO_DROP_GRACE.toNanos()) {
        return new RebuildWatch(true, false, firstAtEnd, last);
      }
      Await.pause(pause);
    }
    return new RebuildWatch(false, dropped, System.nanoTime(), last);
  }
}
