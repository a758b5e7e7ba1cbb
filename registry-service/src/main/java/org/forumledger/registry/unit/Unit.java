package org.forumledger.registry.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
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
import org.forumledger.events.Body;
import org.forumledger.events.LedgerCalendar;
import org.forumledger.events.SourceReference;
import org.forumledger.events.UnitEvent;
import org.forumledger.events.UnitKind;
import org.forumledger.events.UnitRegistered;
import org.forumledger.events.UnitRevised;
import org.forumledger.registry.forum.domain.ForumRuleViolation;

/**
 * An organisational unit (committee, administration, company) that takes part in forums, on its own
 * stream {@code unit-CODE}. The first record registers it; a record that differs revises it and
 * needs the version it was based on (If-Match); the same record again writes nothing.
 */
@Aggregate
public class Unit {

  @AggregateIdentifier private String streamId;
  private UnitRegistered current;

  protected Unit() {}

  /** Registers the unit, or revises it when it is registered. */
  public record RecordUnitCommand(
      @TargetAggregateIdentifier String streamId,
      @TargetAggregateVersion Long expectedVersion,
      Body unit,
      String name,
      UnitKind kind,
      Body partOf,
      LocalDate validFrom,
      LocalDate validTo,
      SourceReference source) {

    public static RecordUnitCommand of(
        Long expectedVersion,
        Body unit,
        String name,
        UnitKind kind,
        Body partOf,
        LocalDate validFrom,
        LocalDate validTo,
        SourceReference source) {
      return new RecordUnitCommand(
          UnitEvent.streamIdOf(unit),
          expectedVersion,
          unit,
          name,
          kind,
          partOf,
          validFrom,
          validTo,
          source);
    }
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RecordUnitCommand command, Units units) {
    // a stream made on demand is loaded without the repository's version check: it is made here
    Long version = AggregateLifecycle.getVersion();
    long actual = version == null ? -1 : version;
    if (command.expectedVersion() != null && command.expectedVersion() != actual) {
      throw new ConflictingAggregateVersionException(
          command.streamId(), command.expectedVersion(), actual);
    }
    require(command.unit() != null, "unit", "the unit's code is required");
    require(
        UnitEvent.streamIdOf(command.unit()).equals(command.streamId()),
        "unit",
        "unit " + command.unit() + " is its own stream");
    require(command.name() != null && !command.name().isBlank(), "name", "name is required");
    require(command.kind() != null, "kind", "kind is required");
    if (command.validFrom() != null) {
      require(
          LedgerCalendar.accepts(command.validFrom()),
          "validFrom",
          LedgerCalendar.dateRule("validFrom"));
    }
    if (command.validTo() != null) {
      require(
          LedgerCalendar.accepts(command.validTo()), "validTo", LedgerCalendar.dateRule("validTo"));
    }
    require(
        command.validFrom() == null
            || command.validTo() == null
            || !command.validTo().isBefore(command.validFrom()),
        "validTo",
        "a unit cannot end before it begins");
    if (command.partOf() != null) {
      require(!command.partOf().equals(command.unit()), "partOf", "a unit is not part of itself");
      require(
          command.partOf().ofTheInventory2023() || units.unit(command.partOf()).isPresent(),
          "partOf",
          "partOf " + command.partOf() + " is not a registered unit");
    }
    SourceReference source = checkedSource(command.source());
    String name = command.name().strip();
    if (current == null) {
      apply(
          new UnitRegistered(
              command.unit(),
              name,
              command.kind(),
              command.partOf(),
              command.validFrom(),
              command.validTo(),
              source));
      return;
    }
    UnitRevised revised =
        new UnitRevised(
            command.unit(),
            name,
            command.kind(),
            command.partOf(),
            command.validFrom(),
            command.validTo(),
            source);
    if (current.equals(current.revisedBy(revised))) {
      return;
    }
    if (command.expectedVersion() == null) {
      // a revision states what it replaces: without If-Match it could undo a change unseen
      throw new ConflictingAggregateVersionException(command.streamId(), -1, actual);
    }
    apply(revised);
  }

  /** A source as stored: both parts given, stripped; none stays none. */
  public static SourceReference checkedSource(SourceReference source) {
    if (source == null) {
      return null;
    }
    require(
        source.document() != null && !source.document().isBlank(),
        "source.document",
        "source.document is required with a source");
    require(
        source.phrase() != null && !source.phrase().isBlank(),
        "source.phrase",
        "source.phrase is required with a source");
    return new SourceReference(source.document().strip(), source.phrase().strip());
  }

  static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new ForumRuleViolation(field, message);
    }
  }

  @EventSourcingHandler
  void on(UnitRegistered event) {
    streamId = event.streamId();
    current = event;
  }

  @EventSourcingHandler
  void on(UnitRevised event) {
    current = current.revisedBy(event);
  }
}
