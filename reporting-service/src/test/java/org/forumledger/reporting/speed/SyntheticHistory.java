package org.forumledger.reporting.speed;

import static org.forumledger.events.testing.ForumEvents.forum;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.forumledger.events.Body;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.testing.EventBuilder;
import org.forumledger.events.testing.EventStream;
import org.forumledger.reporting.history.Envelopes;
import org.forumledger.reporting.history.ForumFold;
import org.forumledger.reporting.history.ForumState;

/**
 * A long registry history made up on the fly: every forum registered first, then round after round
 * of fees, other costs, headcounts, appointments, corrections and the odd status change, recorded
 * one minute apart from 2019 on. It folds what it hands out, so a test knows the expected current
 * state without keeping a million events in memory.
 */
final class SyntheticHistory implements Iterator<EventEnvelope> {

  static final Instant FIRST_RECORDED = Instant.parse("2019-01-01T08:00:00Z");

  private final int forums;
  private final long events;
  private final EventStream stream = new EventStream(1);
  private final Map<String, ForumState> folded = new LinkedHashMap<>();
  private long handedOut;

  SyntheticHistory(int forums, long events) {
    this.forums = forums;
    this.events = events;
  }

  /** When the n-th event (from 0) is recorded. */
  static Instant recordedAt(long n) {
    return FIRST_RECORDED.plus(Duration.ofMinutes(n));
  }

  @Override
  public boolean hasNext() {
    return handedOut < events;
  }

  @Override
  public EventEnvelope next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    long n = handedOut++;
    String forumId = "f-" + (n % forums);
    EventEnvelope envelope =
        Envelopes.normalised(stream.append(event(forumId, n).recordedAt(recordedAt(n))));
    ForumState next = ForumFold.apply(folded.get(forumId), envelope);
    if (next != null) {
      folded.put(forumId, next);
    }
    return envelope;
  }

  /** The current state of every forum after all events handed out so far. */
  Map<String, ForumState> folded() {
    return folded;
  }

  private EventBuilder<?, ?> event(String forumId, long n) {
    long round = n / forums;
    int index = (int) (n % forums);
    if (round == 0) {
      return forum(forumId)
          .registered()
          .reference("9." + (index / 100) + "." + (index % 100))
          .named("Forum " + index)
          .inArea("Area " + (index % 12))
          .convenedBy("Convener " + (index % 7));
    }
    int year = 2019 + (int) (round % 12);
    return switch ((int) (round % 9)) {
      case 1 -> forum(forumId).fee(year).amount(String.valueOf(1000 + index % 50 * 100));
      case 2 -> forum(forumId).otherCost(year).staff(String.valueOf(500 + index % 30 * 10));
      case 3 -> forum(forumId).headcount(year, Body.SLK).people(1, 1 + index % 3);
      case 4 ->
          forum(forumId)
              .appointed("a-" + round)
              .person("Person " + round)
              .of(Body.KS)
              .valid(year + "-01-01", year + 3 + "-12-31");
      case 5 ->
          forum(forumId).fee(year).amount(String.valueOf(1100 + index % 40 * 100)).correction();
      case 6 ->
          index % 10 == 0
              ? forum(forumId).status(ForumStatus.PAUSED).from(year + "-07-01")
              : forum(forumId).status(ForumStatus.ACTIVE).from(year + "-01-01");
      case 7 -> forum(forumId).otherCost(year).status(CostStatus.NOT_CALCULATED);
      case 8 -> forum(forumId).headcount(year, Body.KS).people(2, 2).asWritten("2 per forum");
      default -> forum(forumId).appointmentEnded("a-" + (round - 5)).on(year + "-06-30");
    };
  }
}
