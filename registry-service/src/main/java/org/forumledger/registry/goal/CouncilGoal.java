package org.forumledger.registry.goal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.spring.stereotype.Aggregate;
import org.forumledger.events.CouncilGoalRegistered;
import org.forumledger.events.CouncilGoalRevised;
import org.forumledger.events.GoalEvent;
import org.forumledger.events.LedgerCalendar;
import org.forumledger.events.MandatePeriod;
import org.forumledger.events.SourceReference;
import org.forumledger.registry.forum.domain.ForumRuleViolation;
import org.forumledger.registry.unit.Unit;

/**
 * One of the city council's goals for a mandate period, on its own stream {@code goal-ID}. The
 * first record registers it; a record with another title, budget reference or source revises it
 * (If-Match required); its period never changes; the same record again writes nothing.
 */
@Aggregate
public class CouncilGoal {

  /** Lower-case letters, digits and hyphens, 2 to 64 long: {@code kompetensforsorjning-2023}. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

  @AggregateIdentifier private String streamId;
  private CouncilGoalRegistered current;

  protected CouncilGoal() {}

  public record RecordCouncilGoalCommand(
      @TargetAggregateIdentifier String streamId,
      @TargetAggregateVersion Long expectedVersion,
      String goalId,
      MandatePeriod period,
      String title,
      String budgetReference,
      SourceReference source) {

    public static RecordCouncilGoalCommand of(
        Long expectedVersion,
        String goalId,
        MandatePeriod period,
        String title,
        String budgetReference,
        SourceReference source) {
      return new RecordCouncilGoalCommand(
          GoalEvent.streamIdOf(goalId),
          expectedVersion,
          goalId,
          period,
          title,
          budgetReference,
          source);
    }
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RecordCouncilGoalCommand command) {
    Long version = AggregateLifecycle.getVersion();
    long actual = version == null ? -1 : version;
    if (command.expectedVersion() != null && command.expectedVersion() != actual) {
      throw new ConflictingAggregateVersionException(
          command.streamId(), command.expectedVersion(), actual);
    }
    require(
        command.goalId() != null && ID.matcher(command.goalId()).matches(),
        "goalId",
        "a goal id is 2 to 64 lower-case letters, digits or hyphens");
    require(
        GoalEvent.streamIdOf(command.goalId()).equals(command.streamId()),
        "goalId",
        "goal " + command.goalId() + " is its own stream");
    require(command.period() != null, "period", "period is required (2023-2026)");
    require(
        LedgerCalendar.accepts(command.period().fromYear())
            && LedgerCalendar.accepts(command.period().toYear()),
        "period",
        LedgerCalendar.yearRule("period"));
    require(command.title() != null && !command.title().isBlank(), "title", "title is required");
    String budgetReference =
        command.budgetReference() == null || command.budgetReference().isBlank()
            ? null
            : command.budgetReference().strip();
    SourceReference source = Unit.checkedSource(command.source());
    if (current == null) {
      apply(
          new CouncilGoalRegistered(
              command.goalId(),
              command.period(),
              command.title().strip(),
              budgetReference,
              source));
      return;
    }
    require(
        current.period().equals(command.period()),
        "period",
        "goal "
            + command.goalId()
            + " is of the mandate period "
            + current.period().label()
            + "; a goal's period never changes (register a goal of the other period instead)");
    CouncilGoalRevised revised =
        new CouncilGoalRevised(command.goalId(), command.title().strip(), budgetReference, source);
    if (Objects.equals(current, current.revisedBy(revised))) {
      return;
    }
    if (command.expectedVersion() == null) {
      throw new ConflictingAggregateVersionException(command.streamId(), -1, actual);
    }
    apply(revised);
  }

  private static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new ForumRuleViolation(field, message);
    }
  }

  @EventSourcingHandler
  void on(CouncilGoalRegistered event) {
    streamId = event.streamId();
    current = event;
  }

  @EventSourcingHandler
  void on(CouncilGoalRevised event) {
    current = current.revisedBy(event);
  }
}
