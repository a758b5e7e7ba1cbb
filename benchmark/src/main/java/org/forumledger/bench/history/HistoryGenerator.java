package org.forumledger.bench.history;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.UUID;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumEventType;

/**
 * A long history of valid events, made one at a time as it is published, never held in memory.
 * Round 0 registers every forum; each later round gives every forum its next fact, visiting the
 * forums in a scattered order, so the forums' streams interleave on the topic as they would over
 * years. Global positions continue gap-free from {@code firstPosition}; every event is recorded
 * when it is made, and at least a microsecond (the database's precision) after the one before.
 */
public final class HistoryGenerator implements Iterator<EventEnvelope> {

  private final ForumHistory[] forums;
  private final long events;
  private final long firstPosition;
  private final Clock clock;
  private final SplittableRandom random;
  private final String correlationId;
  private final long stride;
  private long emitted;
  private Instant lastRecordedAt;

  /**
   * @param notBefore every event is recorded strictly after this instant (the last one the stack
   *     already has)
   */
  public HistoryGenerator(
      int forumCount,
      long events,
      long firstPosition,
      Instant notBefore,
      Clock clock,
      long seed,
      String runId) {
    if (events < forumCount) {
      throw new IllegalArgumentException(
          "A history of " + events + " events cannot register " + forumCount + " forums");
    }
    this.forums = new ForumHistory[forumCount];
    for (int i = 0; i < forumCount; i++) {
      String name = "forum-ledger/benchmark-history/" + runId + "/" + i;
      forums[i] =
          new ForumHistory(
              UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString(), i);
    }
    this.events = events;
    this.firstPosition = firstPosition;
    this.clock = clock;
    this.random = new SplittableRandom(seed);
    this.correlationId = "benchmark-history-" + runId;
    this.stride = strideFor(forumCount);
    this.lastRecordedAt = notBefore.truncatedTo(ChronoUnit.MICROS);
  }

  /** A step coprime with {@code n}, about n / 2, so slot i visits forum i × step mod n once. */
  static long strideFor(int n) {
    for (long step = n / 2 + 1; step < 2L * n + 2; step++) {
      if (gcd(step, n) == 1) {
        return step;
      }
    }
    return 1;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  public long size() {
    return events;
  }

  public long firstPosition() {
    return firstPosition;
  }

  public long lastPosition() {
    return firstPosition + events - 1;
  }

  @Override
  public boolean hasNext() {
    return emitted < events;
  }

  @Override
  public EventEnvelope next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    long k = emitted++;
    int n = forums.length;
    long round = k / n;
    ForumHistory forum = forums[(int) ((k % n) * stride % n)];
    ForumHistory.Fact fact = round == 0 ? forum.registered(random) : forum.next(random);
    ForumEventType type = ForumEventType.of(fact.payload());
    EventMetadata metadata =
        new EventMetadata(
            UUID.randomUUID().toString(),
            type.logicalName(),
            type.version(),
            forum.forumId(),
            forum.takeSequence(),
            firstPosition + k,
            nextRecordedAt(),
            fact.effectiveDate(),
            "registrar",
            "Benchmark history",
            "KS 2023-11-22 § " + (k % 1000),
            correlationId);
    return new EventEnvelope(metadata, fact.payload());
  }

  private Instant nextRecordedAt() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    lastRecordedAt = now.isAfter(lastRecordedAt) ? now : lastRecordedAt.plus(1, ChronoUnit.MICROS);
    return lastRecordedAt;
  }
}
