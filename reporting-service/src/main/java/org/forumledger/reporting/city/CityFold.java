package org.forumledger.reporting.city;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.forumledger.events.AppointmentEnded;
import org.forumledger.events.Body;
import org.forumledger.events.CouncilGoalRegistered;
import org.forumledger.events.CouncilGoalRevised;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumEventType;
import org.forumledger.events.ForumGoalsLinked;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.LedgerEvent;
import org.forumledger.events.ParticipationAssessed;
import org.forumledger.events.ParticipationRecorded;
import org.forumledger.events.ParticipationRef;
import org.forumledger.events.ParticipationWithdrawn;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.events.ReviewClosed;
import org.forumledger.events.ReviewDecisionRecorded;
import org.forumledger.events.ReviewOpened;
import org.forumledger.events.UnitRegistered;
import org.forumledger.events.UnitRevised;
import org.forumledger.reporting.history.TimeSlice;

/**
 * The one fold from the log to a {@link City}, for the current view and every other slice alike.
 * Events come in global-position order; a later assessment, decision or goal link of the same
 * participation replaces the earlier, as the contract says.
 */
public final class CityFold {

  /** The event types the fold reads: the city's own streams and the facts of taking part. */
  public static final Set<ForumEventType> TYPES =
      Set.of(
          ForumEventType.UNIT_REGISTERED,
          ForumEventType.UNIT_REVISED,
          ForumEventType.COUNCIL_GOAL_REGISTERED,
          ForumEventType.COUNCIL_GOAL_REVISED,
          ForumEventType.REVIEW_OPENED,
          ForumEventType.PARTICIPATION_ASSESSED,
          ForumEventType.REVIEW_DECISION_RECORDED,
          ForumEventType.REVIEW_CLOSED,
          ForumEventType.REPRESENTATIVE_APPOINTED,
          ForumEventType.APPOINTMENT_ENDED,
          ForumEventType.HEADCOUNT_RECORDED,
          ForumEventType.PARTICIPATION_RECORDED,
          ForumEventType.PARTICIPATION_WITHDRAWN,
          ForumEventType.FORUM_GOALS_LINKED);

  private final Map<String, City.Unit> units = new TreeMap<>();
  private final Map<String, City.Goal> goals = new TreeMap<>();
  private final Map<String, ReviewBuilder> reviews = new TreeMap<>();
  private final Map<String, List<ForumEvent>> facts = new LinkedHashMap<>();
  private final Map<String, Map<Body, City.Link>> links = new HashMap<>();

  public CityFold() {
    for (Body body : List.of(Body.KS, Body.SLK)) {
      units.put(body.code(), new City.Unit(body, null, true, -1, null, null));
    }
  }

  /** The city after the events of {@code slice}. */
  public static City fold(Iterable<EventEnvelope> events, TimeSlice slice) {
    CityFold fold = new CityFold();
    for (EventEnvelope e : events) {
      if (slice.includes(e)) {
        fold.apply(e);
      }
    }
    return fold.city();
  }

  public void apply(EventEnvelope envelope) {
    EventMetadata m = envelope.metadata();
    LedgerEvent event = envelope.payload();
    City.Recorded recorded = new City.Recorded(m.actor(), m.recordedAt(), m.effectiveDate());
    if (event instanceof UnitRegistered r) {
      City.Unit before = units.get(r.unit().code());
      units.put(
          r.unit().code(),
          new City.Unit(
              r.unit(),
              r,
              r.unit().ofTheInventory2023(),
              m.sequenceNumber(),
              before != null && before.registered() != null ? before.registered() : recorded,
              null));
    } else if (event instanceof UnitRevised r) {
      City.Unit before = units.get(r.unit().code());
      UnitRegistered details =
          before == null || before.details() == null
              ? new UnitRegistered(
                  r.unit(), r.name(), r.kind(), r.partOf(), r.validFrom(), r.validTo(), r.source())
              : before.details().revisedBy(r);
      units.put(
          r.unit().code(),
          new City.Unit(
              r.unit(),
              details,
              r.unit().ofTheInventory2023(),
              m.sequenceNumber(),
              before == null ? null : before.registered(),
              recorded));
    } else if (event instanceof CouncilGoalRegistered g) {
      goals.put(g.goalId(), new City.Goal(g, m.sequenceNumber(), recorded, null));
    } else if (event instanceof CouncilGoalRevised g) {
      City.Goal before = goals.get(g.goalId());
      if (before != null) {
        goals.put(
            g.goalId(),
            new City.Goal(
                before.goal().revisedBy(g), m.sequenceNumber(), before.registered(), recorded));
      }
    } else if (event instanceof ReviewOpened o) {
      reviews.put(o.reviewId(), new ReviewBuilder(o, recorded, m.sequenceNumber()));
    } else if (event instanceof ParticipationAssessed a) {
      ReviewBuilder review = reviews.get(a.reviewId());
      if (review != null) {
        review.version = m.sequenceNumber();
        review.assessed(a, recorded);
      }
    } else if (event instanceof ReviewDecisionRecorded d) {
      ReviewBuilder review = reviews.get(d.reviewId());
      if (review != null) {
        review.version = m.sequenceNumber();
        review.decided(d, recorded);
      }
    } else if (event instanceof ReviewClosed c) {
      ReviewBuilder review = reviews.get(c.reviewId());
      if (review != null) {
        review.version = m.sequenceNumber();
        review.closedOn = c.closedOn();
        review.closed = true;
      }
    } else if (event instanceof RepresentativeAppointed
        || event instanceof AppointmentEnded
        || event instanceof HeadcountRecorded
        || event instanceof ParticipationRecorded
        || event instanceof ParticipationWithdrawn
        || event instanceof ForumGoalsLinked) {
      ForumEvent fact = (ForumEvent) event;
      facts.computeIfAbsent(fact.forumId(), id -> new ArrayList<>()).add(fact);
      if (fact instanceof ForumGoalsLinked link) {
        links
            .computeIfAbsent(link.forumId(), id -> new HashMap<>())
            .put(link.body(), new City.Link(link, recorded));
      }
    }
  }

  public City city() {
    Map<String, City.Review> folded = new TreeMap<>();
    reviews.forEach((id, review) -> folded.put(id, review.build()));
    Map<String, List<ForumEvent>> frozenFacts = new LinkedHashMap<>();
    facts.forEach((id, list) -> frozenFacts.put(id, List.copyOf(list)));
    Map<String, Map<Body, City.Link>> frozenLinks = new HashMap<>();
    links.forEach((id, map) -> frozenLinks.put(id, Map.copyOf(map)));
    return new City(
        Collections.unmodifiableSortedMap(new TreeMap<>(units)),
        Collections.unmodifiableSortedMap(new TreeMap<>(goals)),
        Collections.unmodifiableSortedMap(new TreeMap<>(folded)),
        Collections.unmodifiableMap(frozenFacts),
        Collections.unmodifiableMap(frozenLinks));
  }

  private static final class ReviewBuilder {
    final ReviewOpened opened;
    final City.Recorded openedRecord;
    final Map<ParticipationRef, City.Assessment> assessments = new HashMap<>();
    final Map<ParticipationRef, Integer> assessmentCounts = new HashMap<>();
    final Map<ParticipationRef, City.Decision> decisions = new HashMap<>();
    long version;
    boolean closed;
    java.time.LocalDate closedOn;

    ReviewBuilder(ReviewOpened opened, City.Recorded openedRecord, long version) {
      this.opened = opened;
      this.openedRecord = openedRecord;
      this.version = version;
    }

    void assessed(ParticipationAssessed a, City.Recorded recorded) {
      assessments.put(
          a.participation(),
          new City.Assessment(
              a.necessity(),
              a.rationale(),
              a.goalIds(),
              a.recommendation(),
              a.correction(),
              recorded.actor(),
              recorded.recordedAt(),
              recorded.effectiveDate()));
      assessmentCounts.merge(a.participation(), 1, Integer::sum);
    }

    void decided(ReviewDecisionRecorded d, City.Recorded recorded) {
      decisions.put(
          d.participation(),
          new City.Decision(
              d.decision(),
              d.decisionReference(),
              d.decidedOn(),
              d.remainingUnits(),
              d.correction(),
              recorded.actor(),
              recorded.recordedAt()));
    }

    City.Review build() {
      List<City.Participation> scope = new ArrayList<>();
      for (ParticipationRef ref : opened.scope()) {
        scope.add(
            new City.Participation(
                ref,
                assessments.get(ref),
                decisions.get(ref),
                assessmentCounts.getOrDefault(ref, 0)));
      }
      return new City.Review(
          opened.reviewId(),
          opened.title(),
          opened.period(),
          opened.decisionReference(),
          opened.openedOn(),
          opened.units(),
          closed ? City.Status.CLOSED : City.Status.OPEN,
          closedOn,
          version,
          openedRecord,
          List.copyOf(scope));
    }
  }
}
