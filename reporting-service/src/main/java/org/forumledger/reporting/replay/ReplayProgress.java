package org.forumledger.reporting.replay;

import java.time.Instant;

/**
 * Where an auditor's replay stands. When done, {@code equal} says whether the read model rebuilt
 * from the topic has the same checksum as the live one at the same global {@code position}; {@code
 * liveSource} says whether the live side was the materialised view or (when the consumer had moved
 * on meanwhile) the event log folded up to that position.
 */
public record ReplayProgress(
    State state,
    long recordsRead,
    long recordsTotal,
    int percent,
    Instant startedAt,
    Instant finishedAt,
    Long position,
    Integer forums,
    String replayChecksum,
    String liveChecksum,
    String liveSource,
    Boolean equal,
    String error) {

  public enum State {
    IDLE,
    RUNNING,
    DONE,
    FAILED
  }

  static ReplayProgress idle() {
    return new ReplayProgress(
        State.IDLE, 0, 0, 0, null, null, null, null, null, null, null, null, null);
  }

  public boolean finished() {
    return state == State.DONE || state == State.FAILED;
  }
}
