package org.forumledger.cost.rebuild;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * Where a rebuild of the cost read model stands. While it runs, {@code recordsRead} of {@code
 * recordsTotal} (the topic's records up to the end offsets it found on starting); when done, its
 * {@link Outcome}; when failed, why (the old read model then stands unchanged).
 */
public record RebuildProgress(
    State state,
    long recordsRead,
    long recordsTotal,
    int percent,
    Instant startedAt,
    Instant finishedAt,
    @JsonUnwrapped Outcome outcome,
    String error) {

  public enum State {
    IDLE,
    RUNNING,
    DONE,
    FAILED
  }

  /** How each record was decided, the position the listener continues from, how long it took. */
  public record Outcome(
      long applied,
      long duplicates,
      long skippedUnknownType,
      long parked,
      long position,
      long millis) {}

  static RebuildProgress idle() {
    return new RebuildProgress(State.IDLE, 0, 0, 0, null, null, null, null);
  }

  static RebuildProgress started(Instant at) {
    return new RebuildProgress(State.RUNNING, 0, 0, 0, at, null, null, null);
  }

  RebuildProgress reading(long read, long total) {
    int percent = total == 0 ? 100 : (int) Math.min(100, read * 100 / total);
    return new RebuildProgress(State.RUNNING, read, total, percent, startedAt, null, null, null);
  }

  RebuildProgress done(Instant at, long read, Outcome outcome) {
    return new RebuildProgress(State.DONE, read, read, 100, startedAt, at, outcome, null);
  }

  RebuildProgress failed(Instant at, String why) {
    return new RebuildProgress(
        State.FAILED, recordsRead, recordsTotal, percent, startedAt, at, null, why);
  }

  public boolean running() {
    return state == State.RUNNING;
  }
}
