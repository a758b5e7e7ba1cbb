package org.forumledger.registry.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.spring.stereotype.Aggregate;
import org.forumledger.events.Body;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.LedgerCalendar;
import org.forumledger.events.MandatePeriod;
import org.forumledger.events.Necessity;
import org.forumledger.events.ParticipationAssessed;
import org.forumledger.events.ParticipationRef;
import org.forumledger.events.ReviewClosed;
import org.forumledger.events.ReviewDecisionRecorded;
import org.forumledger.events.ReviewEvent;
import org.forumledger.events.ReviewOpened;
import org.forumledger.events.TakingPart;
import org.forumledger.registry.forum.domain.ForumRuleViolation;
import org.forumledger.registry.goal.Goals;
import org.forumledger.registry.unit.Units;

/**
 * A review round of the city's participation in forums, on its own stream {@code review-ID}: opened
 * with the scope the registry finds ({@link TakingPart}), each participation assessed by a reviewer
 * (the actor), decisions recorded when taken, closed once nothing in scope is unassessed.
 */
@Aggregate
public class Review {

  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

  @AggregateIdentifier private String streamId;
  private String reviewId;
  private MandatePeriod period;
  private LocalDate openedOn;
  private final Set<ParticipationRef> scope = new LinkedHashSet<>();
  private final Map<ParticipationRef, ParticipationAssessed> assessments = new LinkedHashMap<>();
  private final Map<ParticipationRef, ReviewDecisionRecorded> decisions = new LinkedHashMap<>();
  private boolean closed;

  protected Review() {}

  public record OpenReviewCommand(
      @TargetAggregateIdentifier String streamId,
      String reviewId,
      String title,
      MandatePeriod period,
      String decisionReference,
      LocalDate openedOn,
      List<Body> units) {

    public static OpenReviewCommand of(
        String reviewId,
        String title,
        MandatePeriod period,
        String decisionReference,
        LocalDate openedOn,
        List<Body> units) {
      return new OpenReviewCommand(
          ReviewEvent.streamIdOf(reviewId),
          reviewId,
          title,
          period,
          decisionReference,
          openedOn,
          units);
    }
  }

  public record AssessParticipationCommand(
      @TargetAggregateIdentifier String streamId,
      @TargetAggregateVersion Long expectedVersion,
      ParticipationRef participation,
      Necessity necessity,
      String rationale,
      List<String> goalIds,
      CourseOfAction recommendation) {}

  public record RecordDecisionCommand(
      @TargetAggregateIdentifier String streamId,
      @TargetAggregateVersion Long expectedVersion,
      ParticipationRef participation,
      CourseOfAction decision,
      String decisionReference,
      LocalDate decidedOn) {}

  public record CloseReviewCommand(
      @TargetAggregateIdentifier String streamId,
      @TargetAggregateVersion Long expectedVersion,
      LocalDate closedOn) {}

  /**
   * Opens the review with its scope: for every forum not ended before the period begins, each unit
   * taking part in it in the period (of {@code units} only, when given).
   */
  @CommandHandler
  public Review(OpenReviewCommand command, ForumHistories forums, Units units) {
    require(
        command.reviewId() != null && ID.matcher(command.reviewId()).matches(),
        "reviewId",
        "a review id is 2 to 64 lower-case letters, digits or hyphens");
    require(command.title() != null && !command.title().isBlank(), "title", "title is required");
    require(command.period() != null, "period", "period is required (2023-2026)");
    require(
        LedgerCalendar.accepts(command.period().fromYear())
            && LedgerCalendar.accepts(command.period().toYear()),
        "period",
        LedgerCalendar.yearRule("period"));
    requireText(command.decisionReference(), "decisionReference");
    requireDate(command.openedOn(), "openedOn");
    List<Body> only = command.units() == null ? List.of() : command.units();
    for (int i = 0; i < only.size(); i++) {
      Body unit = only.get(i);
      String field = "units[" + i + "]";
      require(unit != null, field, "a unit's code is required");
      require(
          unit.ofTheInventory2023() || units.unit(unit).isPresent(),
          field,
          field + " " + unit + " is not a registered unit");
      require(only.indexOf(unit) == i, field, "unit " + unit + " twice");
    }
    List<ParticipationRef> found = new ArrayList<>();
    LocalDate periodStart = LocalDate.of(command.period().fromYear(), 1, 1);
    for (String forumId : forums.forumIds().stream().sorted().toList()) {
      List<ForumEvent> events = forums.events(forumId);
      if (endedBefore(events, periodStart)) {
        continue;
      }
      SortedSet<Body> taking = TakingPart.inPeriod(events, command.period());
      for (Body body : taking) {
        if (only.isEmpty() || only.contains(body)) {
          found.add(new ParticipationRef(forumId, body));
        }
      }
    }
    apply(
        new ReviewOpened(
            command.reviewId(),
            command.title().strip(),
            command.period(),
            command.decisionReference().strip(),
            command.openedOn(),
            only,
            found));
  }

  /** The forum's status as it now stands is ENDED, from a day before {@code day}. */
  static boolean endedBefore(List<ForumEvent> events, LocalDate day) {
    ForumStatusChanged last = null;
    for (ForumEvent event : events) {
      if (event instanceof ForumStatusChanged changed) {
        last = changed;
      }
    }
    return last != null && last.status() == ForumStatus.ENDED && last.effectiveFrom().isBefore(day);
  }

  @CommandHandler
  public void handle(
      AssessParticipationCommand command, Goals goals, Units units, ForumHistories forums) {
    requireInScope(command.participation());
    require(!closed, null, "review " + reviewId + " is closed: it takes no more assessments");
    require(command.necessity() != null, "necessity", "necessity is required");
    requireText(command.rationale(), "rationale");
    requireCourse(
        command.recommendation(), "recommendation", command.participation(), units, forums);
    List<String> goalIds = command.goalIds() == null ? List.of() : command.goalIds();
    goals.requireRegistered(goalIds, "goalIds");
    ParticipationAssessed current = assessments.get(command.participation());
    ParticipationAssessed assessed =
        new ParticipationAssessed(
            reviewId,
            command.participation(),
            command.necessity(),
            command.rationale().strip(),
            goalIds,
            command.recommendation(),
            current != null);
    if (current != null
        && current.necessity() == assessed.necessity()
        && current.rationale().equals(assessed.rationale())
        && current.goalIds().equals(assessed.goalIds())
        && current.recommendation().equals(assessed.recommendation())) {
      return;
    }
    apply(assessed);
  }

  /**
   * Records the decision on a participation, open review or closed. A decision to leave records the
   * units still taking part in the forum when it takes effect: those taking part in the review's
   * period, but for the deciding unit and the units this review decided to leave from the same day
   * or earlier.
   */
  @CommandHandler
  public void handle(RecordDecisionCommand command, ForumHistories forums, Units units) {
    ParticipationRef participation = command.participation();
    requireInScope(participation);
    requireCourse(command.decision(), "decision", participation, units, forums);
    requireText(command.decisionReference(), "decisionReference");
    requireDate(command.decidedOn(), "decidedOn");
    List<Body> remaining = List.of();
    if (command.decision().kind() == CourseOfAction.Kind.LEAVE) {
      LocalDate from = command.decision().leaveFrom();
      SortedSet<Body> taking = TakingPart.inPeriod(forums.events(participation.forumId()), period);
      taking.remove(participation.body());
      decisions.values().stream()
          .filter(d -> d.participation().forumId().equals(participation.forumId()))
          .filter(d -> !d.participation().body().equals(participation.body()))
          .filter(d -> d.decision().kind() == CourseOfAction.Kind.LEAVE)
          .filter(d -> !d.decision().leaveFrom().isAfter(from))
          .forEach(d -> taking.remove(d.participation().body()));
      remaining = List.copyOf(taking);
    }
    ReviewDecisionRecorded current = decisions.get(participation);
    ReviewDecisionRecorded decided =
        new ReviewDecisionRecorded(
            reviewId,
            participation,
            command.decision(),
            command.decisionReference().strip(),
            command.decidedOn(),
            remaining,
            current != null);
    if (current != null
        && current.decision().equals(decided.decision())
        && current.decisionReference().equals(decided.decisionReference())
        && current.decidedOn().equals(decided.decidedOn())
        && current.remainingUnits().equals(decided.remainingUnits())) {
      return;
    }
    apply(decided);
  }

  @CommandHandler
  public void handle(CloseReviewCommand command) {
    require(!closed, null, "review " + reviewId + " is already closed");
    requireDate(command.closedOn(), "closedOn");
    require(
        !command.closedOn().isBefore(openedOn),
        "closedOn",
        "a review cannot close before it opened (" + openedOn + ")");
    List<ParticipationRef> missing =
        scope.stream().filter(p -> !assessments.containsKey(p)).toList();
    if (!missing.isEmpty()) {
      throw new ReviewIncomplete(reviewId, missing);
    }
    apply(new ReviewClosed(reviewId, command.closedOn()));
  }

  private void requireInScope(ParticipationRef participation) {
    require(participation != null, "participation", "the participation is required");
    if (!scope.contains(participation)) {
      throw new NotInReviewScope(reviewId, participation);
    }
  }

  private static void requireCourse(
      CourseOfAction course,
      String field,
      ParticipationRef participation,
      Units units,
      ForumHistories forums) {
    require(course != null, field, field + " is required");
    require(
        course.complete(),
        field,
        field
            + " "
            + course.kind()
            + " is incomplete: LEAVE gives leaveFrom, COORDINATE coordinateWith, MERGE"
            + " mergeWithForumId, each only its own");
    if (course.leaveFrom() != null) {
      requireDate(course.leaveFrom(), field + ".leaveFrom");
    }
    if (course.coordinateWith() != null) {
      require(
          !course.coordinateWith().equals(participation.body()),
          field + ".coordinateWith",
          "a unit does not coordinate with itself");
      require(
          course.coordinateWith().ofTheInventory2023()
              || units.unit(course.coordinateWith()).isPresent(),
          field + ".coordinateWith",
          "coordinateWith " + course.coordinateWith() + " is not a registered unit");
    }
    if (course.mergeWithForumId() != null) {
      require(
          !course.mergeWithForumId().equals(participation.forumId()),
          field + ".mergeWithForumId",
          "a forum does not merge with itself");
      require(
          !forums.events(course.mergeWithForumId()).isEmpty(),
          field + ".mergeWithForumId",
          "mergeWithForumId " + course.mergeWithForumId() + " is not a registered forum");
    }
  }

  private static void requireText(String value, String field) {
    require(value != null && !value.isBlank(), field, field + " is required");
  }

  private static void requireDate(LocalDate date, String field) {
    require(date != null, field, field + " is required");
    require(LedgerCalendar.accepts(date), field, LedgerCalendar.dateRule(field));
  }

  private static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new ForumRuleViolation(field, message);
    }
  }

  @EventSourcingHandler
  void on(ReviewOpened event) {
    streamId = event.streamId();
    reviewId = event.reviewId();
    period = event.period();
    openedOn = event.openedOn();
    scope.addAll(event.scope());
  }

  @EventSourcingHandler
  void on(ParticipationAssessed event) {
    assessments.put(event.participation(), event);
  }

  @EventSourcingHandler
  void on(ReviewDecisionRecorded event) {
    decisions.put(event.participation(), event);
  }

  @EventSourcingHandler
  void on(ReviewClosed event) {
    closed = true;
  }
}
