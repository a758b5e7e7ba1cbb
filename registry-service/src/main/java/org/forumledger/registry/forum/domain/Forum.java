package org.forumledger.registry.forum.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.forumledger.registry.forum.domain.ForumRuleViolation.require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.AnnualFeeWithdrawn;
import org.forumledger.events.AppointmentEnded;
import org.forumledger.events.CostLine;
import org.forumledger.events.CostStatus;
import org.forumledger.events.CountRange;
import org.forumledger.events.ExchangeRateSource;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumDetailsRevised;
import org.forumledger.events.ForumGoalsLinked;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumReclassified;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.LedgerCalendar;
import org.forumledger.events.MetadataKeys;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.ParticipationRecorded;
import org.forumledger.events.ParticipationWithdrawn;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.registry.forum.domain.ForumCommands.AppointRepresentativeCommand;
import org.forumledger.registry.forum.domain.ForumCommands.ChangeForumStatusCommand;
import org.forumledger.registry.forum.domain.ForumCommands.EndAppointmentCommand;
import org.forumledger.registry.forum.domain.ForumCommands.LinkGoalsCommand;
import org.forumledger.registry.forum.domain.ForumCommands.ReclassifyForumCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RecordHeadcountCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RecordOtherCostCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RecordParticipationCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RegisterForumCommand;
import org.forumledger.registry.forum.domain.ForumCommands.ReviseForumDetailsCommand;
import org.forumledger.registry.forum.domain.ForumCommands.SetAnnualFeeCommand;
import org.forumledger.registry.forum.domain.ForumCommands.WithdrawAnnualFeeCommand;
import org.forumledger.registry.forum.domain.ForumCommands.WithdrawOtherCostCommand;
import org.forumledger.registry.forum.domain.ForumCommands.WithdrawParticipationCommand;
import org.forumledger.registry.goal.Goals;
import org.forumledger.registry.unit.Units;

/**
 * A forum the city takes part in: its details, status, representatives and costs. Every accepted
 * command becomes an event; a command that would change nothing (the same fee set again, say)
 * becomes no event, so a repeated import writes nothing new.
 */
@Aggregate(cache = "forumCache")
public class Forum {

  private static final int SEK_SCALE = 2;

  @AggregateIdentifier private String forumId;
  private ForumRegistered details;
  private ForumStatus status;

  /** The day from which the forum is ended, while it is; null while it is not. */
  private LocalDate endedFrom;

  private final Map<String, RepresentativeAppointed> openAppointments = new HashMap<>();
  private final Map<String, RepresentativeAppointed> allAppointments = new HashMap<>();
  private final Map<String, HeadcountRecorded> headcounts = new HashMap<>();
  private final Map<Integer, AnnualFeeSet> fees = new HashMap<>();
  private final Map<Integer, OtherCostRecorded> otherCosts = new HashMap<>();
  private final Map<String, ParticipationRecorded> participations = new HashMap<>();
  private final Map<org.forumledger.events.Body, ForumGoalsLinked> goalLinks = new HashMap<>();

  protected Forum() {}

  @CommandHandler
  public Forum(RegisterForumCommand command) {
    requireText(command.name(), "name");
    require(command.kind() != null, "kind", "kind is required");
    requireText(command.area(), "area");
    requireRange(command.meetingsPerYear(), "meetingsPerYear");
    require(
        command.kind() == ForumKind.COLLABORATION || command.collaborationType() == null,
        "collaborationType",
        "only a collaboration has a collaboration type");
    apply(
        new ForumRegistered(
            command.forumId(),
            command.inventoryReference(),
            command.name().strip(),
            command.purpose(),
            command.area().strip(),
            command.subarea(),
            command.kind(),
            command.collaborationType(),
            command.convener(),
            command.scope(),
            command.meetingsPerYear(),
            command.meetingMode()));
  }

  @CommandHandler
  public void handle(
      ReviseForumDetailsCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference) {
    requireText(command.name(), "name");
    requireRange(command.meetingsPerYear(), "meetingsPerYear");
    ForumDetailsRevised revised =
        new ForumDetailsRevised(
            forumId,
            command.name().strip(),
            command.purpose(),
            command.convener(),
            command.scope(),
            command.meetingsPerYear(),
            command.meetingMode());
    boolean unchanged =
        revised.name().equals(details.name())
            && Objects.equals(revised.purpose(), details.purpose())
            && Objects.equals(revised.convener(), details.convener())
            && revised.scope() == details.scope()
            && Objects.equals(revised.meetingsPerYear(), details.meetingsPerYear())
            && revised.meetingMode() == details.meetingMode();
    if (!unchanged) {
      requireDecisionWhileEnded(decisionReference);
      apply(revised);
    }
  }

  @CommandHandler
  public void handle(
      ReclassifyForumCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference) {
    requireText(command.area(), "area");
    require(command.kind() != null, "kind", "kind is required");
    require(
        command.kind() == ForumKind.COLLABORATION || command.collaborationType() == null,
        "collaborationType",
        "only a collaboration has a collaboration type");
    boolean unchanged =
        command.area().strip().equals(details.area())
            && Objects.equals(command.subarea(), details.subarea())
            && command.kind() == details.kind()
            && Objects.equals(command.collaborationType(), details.collaborationType());
    if (!unchanged) {
      requireDecisionWhileEnded(decisionReference);
      apply(
          new ForumReclassified(
              forumId,
              command.area().strip(),
              command.subarea(),
              command.kind(),
              command.collaborationType()));
    }
  }

  @CommandHandler
  public void handle(
      ChangeForumStatusCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference) {
    require(command.status() != null, "status", "status is required");
    require(command.effectiveFrom() != null, "effectiveDate", "an effective date is required");
    requireDate(command.effectiveFrom(), "effectiveDate");
    if (command.status() != status) {
      requireDecisionWhileEnded(decisionReference);
      apply(new ForumStatusChanged(forumId, command.status(), command.effectiveFrom()));
    }
  }

  @CommandHandler
  public void handle(
      AppointRepresentativeCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference,
      Units units) {
    requireText(command.appointmentId(), "appointmentId");
    requireText(command.personName(), "personName");
    require(command.body() != null, "body", "body is required");
    require(command.role() != null, "role", "role is required");
    require(command.validFrom() != null, "validFrom", "validFrom is required");
    requireDate(command.validFrom(), "validFrom");
    units.requireValid(command.body(), command.validFrom(), "body");
    requireWhileNotEnded(command.validFrom(), "validFrom");
    if (command.validTo() != null) {
      requireDate(command.validTo(), "validTo");
    }
    require(
        command.validTo() == null || !command.validTo().isBefore(command.validFrom()),
        "validTo",
        "an appointment cannot end before it starts");
    RepresentativeAppointed appointed =
        new RepresentativeAppointed(
            forumId,
            command.appointmentId(),
            command.personName().strip(),
            command.body(),
            command.role(),
            command.validFrom(),
            command.validTo());
    RepresentativeAppointed existing = allAppointments.get(command.appointmentId());
    if (existing != null) {
      require(
          existing.equals(appointed),
          "appointmentId",
          "appointment " + command.appointmentId() + " already exists with other details");
      return;
    }
    requireDecisionWhileEnded(decisionReference);
    apply(appointed);
  }

  @CommandHandler
  public void handle(
      EndAppointmentCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference) {
    RepresentativeAppointed appointment = openAppointments.get(command.appointmentId());
    require(
        appointment != null,
        "appointmentId",
        "no open appointment " + command.appointmentId() + " in this forum");
    require(command.endedOn() != null, "endedOn", "endedOn is required");
    requireDate(command.endedOn(), "endedOn");
    require(
        !command.endedOn().isBefore(appointment.validFrom()),
        "endedOn",
        "an appointment cannot end before it starts (" + appointment.validFrom() + ")");
    requireDecisionWhileEnded(decisionReference);
    apply(new AppointmentEnded(forumId, command.appointmentId(), command.endedOn()));
  }

  @CommandHandler
  public void handle(
      RecordHeadcountCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference,
      Units units) {
    require(command.body() != null, "body", "body is required");
    requireYear(command.year(), "year");
    units.requireValid(
        command.body(),
        LocalDate.of(command.year(), 1, 1),
        LocalDate.of(command.year(), 12, 31),
        "body");
    requireYearWhileNotEnded(command.year(), "year");
    requireRange(command.headcount(), "headcount");
    require(
        command.headcount() != null
            || (command.asWritten() != null && !command.asWritten().isBlank()),
        "headcount",
        "headcount is required unless asWritten keeps the source's words for an unknown count");
    HeadcountRecorded recorded =
        new HeadcountRecorded(
            forumId, command.year(), command.body(), command.headcount(), command.asWritten());
    if (!recorded.equals(headcounts.get(headcountKey(command.year(), command.body())))) {
      requireDecisionWhileEnded(decisionReference);
      apply(recorded);
    }
  }

  @CommandHandler
  public void handle(
      SetAnnualFeeCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference) {
    requireYear(command.fromYear(), "fromYear");
    requireYearWhileNotEnded(command.fromYear(), "fromYear");
    if (command.toYear() != null) {
      requireYear(command.toYear(), "toYear");
    }
    require(
        command.toYear() == null || command.toYear() >= command.fromYear(),
        "toYear",
        "toYear cannot be before fromYear");
    require(command.status() != null, "status", "status is required");
    AnnualFeeSet fee =
        command.status() == CostStatus.AMOUNT ? amountFee(command) : statusFee(command);
    AnnualFeeSet current = fees.get(command.fromYear());
    if (current != null && sameFee(current, fee)) {
      return;
    }
    requireDecisionWhileEnded(decisionReference);
    apply(
        new AnnualFeeSet(
            fee.forumId(),
            fee.fromYear(),
            fee.toYear(),
            fee.status(),
            fee.amountSek(),
            fee.currency(),
            fee.originalAmount(),
            fee.exchangeRate(),
            fee.exchangeRateSource(),
            fee.basis(),
            fee.perInhabitantRateSek(),
            fee.population(),
            fee.projectTotalSek(),
            fee.reportedUnder(),
            current != null));
  }

  @CommandHandler
  public void handle(
      WithdrawAnnualFeeCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference) {
    require(
        fees.containsKey(command.fromYear()),
        "fromYear",
        "no fee is recorded from " + command.fromYear());
    requireDecisionWhileEnded(decisionReference);
    apply(new AnnualFeeWithdrawn(forumId, command.fromYear()));
  }

  @CommandHandler
  public void handle(
      RecordOtherCostCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference) {
    requireYear(command.year(), "year");
    requireYearWhileNotEnded(command.year(), "year");
    require(command.status() != null, "status", "status is required");
    List<CostLine> lines = command.lines() == null ? List.of() : command.lines();
    BigDecimal total = null;
    if (command.status() == CostStatus.AMOUNT) {
      require(!lines.isEmpty(), "lines", "an estimate needs at least one cost line");
      total = BigDecimal.ZERO;
      for (int i = 0; i < lines.size(); i++) {
        CostLine line = lines.get(i);
        String field = "lines[" + i + "]";
        require(line.category() != null, field + ".category", "category is required");
        requireAmount(line.amountSek(), field + ".amountSek");
        total = total.add(line.amountSek());
      }
    } else {
      require(lines.isEmpty(), "lines", "only an estimate (status AMOUNT) has cost lines");
    }
    requireReportedUnder(command.status(), command.reportedUnder());
    OtherCostRecorded current = otherCosts.get(command.year());
    OtherCostRecorded recorded =
        new OtherCostRecorded(
            forumId,
            command.year(),
            command.status(),
            lines,
            total,
            command.status() == CostStatus.REPORTED_UNDER ? command.reportedUnder() : null,
            current != null);
    if (current != null && sameOtherCost(current, recorded)) {
      return;
    }
    requireDecisionWhileEnded(decisionReference);
    apply(recorded);
  }

  @CommandHandler
  public void handle(
      WithdrawOtherCostCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference) {
    require(
        otherCosts.containsKey(command.year()),
        "year",
        "no other cost is recorded for " + command.year());
    requireDecisionWhileEnded(decisionReference);
    apply(new OtherCostWithdrawn(forumId, command.year()));
  }

  @CommandHandler
  public void handle(
      RecordParticipationCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference,
      Units units) {
    requireText(command.participationId(), "participationId");
    ParticipationRecorded current = participations.get(command.participationId());
    if (command.correcting()) {
      require(
          current != null,
          "participationId",
          "no meeting is recorded as " + command.participationId());
    } else {
      require(
          current == null,
          "participationId",
          "a meeting is already recorded as " + command.participationId() + "; correct it instead");
    }
    require(command.body() != null, "body", "body is required");
    require(command.meetingDate() != null, "meetingDate", "meetingDate is required");
    requireDate(command.meetingDate(), "meetingDate");
    requireWhileNotEnded(command.meetingDate(), "meetingDate");
    units.requireValid(command.body(), command.meetingDate(), "body");
    require(command.mode() != null, "mode", "mode is required");
    List<String> attendees =
        command.appointmentIds() == null ? List.of() : command.appointmentIds();
    require(
        (command.attendeeCount() == null) != attendees.isEmpty(),
        "attendeeCount",
        "attendance is a count or the named appointments (appointmentIds), one of them");
    if (command.attendeeCount() != null) {
      // 0: the meeting was held and nobody of the unit attended, which the attendance report counts
      require(command.attendeeCount() >= 0, "attendeeCount", "attendeeCount cannot be negative");
    }
    for (int i = 0; i < attendees.size(); i++) {
      String id = attendees.get(i);
      require(
          id != null && allAppointments.containsKey(id),
          "appointmentIds[" + i + "]",
          "no appointment " + id + " of this forum");
      require(
          attendees.indexOf(id) == i, "appointmentIds[" + i + "]", "appointment " + id + " twice");
    }
    requireHours(command.hours());
    ParticipationRecorded recorded =
        new ParticipationRecorded(
            forumId,
            command.participationId(),
            command.body(),
            command.meetingDate(),
            command.attendeeCount(),
            attendees,
            command.hours(),
            expense(command.travelSek(), "travelSek"),
            expense(command.lodgingSek(), "lodgingSek"),
            expense(command.perDiemSek(), "perDiemSek"),
            expense(command.electedFeesSek(), "electedFeesSek"),
            command.mode(),
            current != null);
    if (current != null && sameParticipation(current, recorded)) {
      return;
    }
    requireDecisionWhileEnded(decisionReference);
    apply(recorded);
  }

  @CommandHandler
  public void handle(
      WithdrawParticipationCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference) {
    require(
        participations.containsKey(command.participationId()),
        "participationId",
        "no meeting is recorded as " + command.participationId());
    requireDecisionWhileEnded(decisionReference);
    apply(new ParticipationWithdrawn(forumId, command.participationId()));
  }

  /**
   * States what a unit's participation serves: the council goals (each registered) and its benefit
   * to residents, as of the write's effective date, on which the unit must be valid. The same
   * statement again writes nothing; another replaces it.
   */
  @CommandHandler
  public void handle(
      LinkGoalsCommand command,
      @MetaDataValue(MetadataKeys.DECISION_REFERENCE) String decisionReference,
      @MetaDataValue(MetadataKeys.EFFECTIVE_DATE) String effectiveDate,
      Units units,
      Goals goals) {
    require(command.body() != null, "body", "body is required");
    LocalDate asOf = effectiveDate == null ? null : LocalDate.parse(effectiveDate);
    require(asOf != null, "effectiveDate", "an effective date is required");
    units.requireValid(command.body(), asOf, "body");
    List<String> goalIds = command.goalIds() == null ? List.of() : command.goalIds();
    goals.requireRegistered(goalIds, "goalIds");
    requireText(command.benefitForResidents(), "benefitForResidents");
    ForumGoalsLinked current = goalLinks.get(command.body());
    ForumGoalsLinked linked =
        new ForumGoalsLinked(
            forumId,
            command.body(),
            goalIds,
            command.benefitForResidents().strip(),
            current != null);
    if (current != null
        && current.goalIds().equals(linked.goalIds())
        && current.benefitForResidents().equals(linked.benefitForResidents())) {
      return;
    }
    requireDecisionWhileEnded(decisionReference);
    apply(linked);
  }

  private static void requireHours(BigDecimal hours) {
    require(hours != null, "hours", "hours is required (preparation included)");
    require(hours.signum() >= 0, "hours", "hours cannot be negative");
    require(hours.scale() <= SEK_SCALE, "hours", "hours has more than two decimals");
  }

  /** An expense of a meeting: none given is none spent (0). */
  private static BigDecimal expense(BigDecimal amount, String field) {
    if (amount == null) {
      return BigDecimal.ZERO;
    }
    requireAmount(amount, field);
    return amount;
  }

  private static boolean sameParticipation(ParticipationRecorded a, ParticipationRecorded b) {
    return a.body().equals(b.body())
        && a.meetingDate().equals(b.meetingDate())
        && Objects.equals(a.attendeeCount(), b.attendeeCount())
        && a.appointmentIds().equals(b.appointmentIds())
        && sameAmount(a.hours(), b.hours())
        && sameAmount(a.travelSek(), b.travelSek())
        && sameAmount(a.lodgingSek(), b.lodgingSek())
        && sameAmount(a.perDiemSek(), b.perDiemSek())
        && sameAmount(a.electedFeesSek(), b.electedFeesSek())
        && a.mode() == b.mode();
  }

  private AnnualFeeSet amountFee(SetAnnualFeeCommand command) {
    requireAmount(command.amount(), "amount");
    String currency = command.currency() == null ? "SEK" : command.currency().strip().toUpperCase();
    require(currency.matches("[A-Z]{3}"), "currency", "currency must be an ISO 4217 code");
    BigDecimal amountSek = command.amount();
    BigDecimal originalAmount = null;
    BigDecimal rate = null;
    ExchangeRateSource rateSource = null;
    if (!currency.equals("SEK")) {
      require(
          command.exchangeRate() == null || command.amountSek() == null,
          "amountSek",
          "a fee in "
              + currency
              + " gives either the exchange rate or its SEK amount (amountSek), not both");
      require(
          command.exchangeRate() != null || command.amountSek() != null,
          "exchangeRate",
          "a fee in "
              + currency
              + " needs the exchange rate used (SEK per "
              + currency
              + ") or its SEK amount (amountSek)");
      originalAmount = command.amount();
      if (command.exchangeRate() != null) {
        require(
            command.exchangeRate().signum() > 0, "exchangeRate", "exchangeRate must be positive");
        rate = command.exchangeRate();
        rateSource = ExchangeRateSource.STATED;
        amountSek = originalAmount.multiply(rate).setScale(SEK_SCALE, RoundingMode.HALF_UP);
      } else {
        requireAmount(command.amountSek(), "amountSek");
        require(command.amountSek().signum() > 0, "amountSek", "amountSek must be positive");
        require(
            originalAmount.signum() > 0,
            "amount",
            "a fee in " + currency + " given with its SEK amount needs a positive amount");
        amountSek = command.amountSek();
        rate = AnnualFeeSet.impliedRate(amountSek, originalAmount);
        rateSource = ExchangeRateSource.IMPLIED;
      }
    } else {
      require(command.exchangeRate() == null, "exchangeRate", "a fee in SEK has no exchange rate");
      require(
          command.amountSek() == null,
          "amountSek",
          "a fee in SEK gives its amount as amount; amountSek is for a fee in another currency");
    }
    FeeBasis basis = command.basis() == null ? FeeBasis.FIXED : command.basis();
    if (basis == FeeBasis.PER_INHABITANT) {
      requireAmount(command.perInhabitantRateSek(), "perInhabitantRateSek");
    }
    if (basis == FeeBasis.PROJECT_SHARE) {
      requireAmount(command.projectTotalSek(), "projectTotalSek");
    }
    require(
        command.population() == null || command.population() > 0,
        "population",
        "population must be positive");
    require(
        command.reportedUnder() == null, "reportedUnder", "a fee amount is not reported elsewhere");
    return new AnnualFeeSet(
        forumId,
        command.fromYear(),
        command.toYear(),
        CostStatus.AMOUNT,
        amountSek,
        currency,
        originalAmount,
        rate,
        rateSource,
        basis,
        basis == FeeBasis.PER_INHABITANT ? command.perInhabitantRateSek() : null,
        basis == FeeBasis.PER_INHABITANT ? command.population() : null,
        basis == FeeBasis.PROJECT_SHARE ? command.projectTotalSek() : null,
        null,
        false);
  }

  private AnnualFeeSet statusFee(SetAnnualFeeCommand command) {
    require(
        command.amount() == null && command.exchangeRate() == null,
        "amount",
        "only a fee with status AMOUNT has an amount");
    require(
        command.amountSek() == null, "amountSek", "only a fee with status AMOUNT has an amount");
    requireReportedUnder(command.status(), command.reportedUnder());
    return new AnnualFeeSet(
        forumId,
        command.fromYear(),
        command.toYear(),
        command.status(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        command.status() == CostStatus.REPORTED_UNDER ? command.reportedUnder() : null,
        false);
  }

  private static boolean sameFee(AnnualFeeSet a, AnnualFeeSet b) {
    return a.status() == b.status()
        && Objects.equals(a.toYear(), b.toYear())
        && sameAmount(a.amountSek(), b.amountSek())
        && Objects.equals(a.currency(), b.currency())
        && sameAmount(a.originalAmount(), b.originalAmount())
        && sameAmount(a.exchangeRate(), b.exchangeRate())
        && a.exchangeRateSource() == b.exchangeRateSource()
        && a.basis() == b.basis()
        && sameAmount(a.perInhabitantRateSek(), b.perInhabitantRateSek())
        && Objects.equals(a.population(), b.population())
        && sameAmount(a.projectTotalSek(), b.projectTotalSek())
        && Objects.equals(a.reportedUnder(), b.reportedUnder());
  }

  private static boolean sameOtherCost(OtherCostRecorded a, OtherCostRecorded b) {
    if (a.status() != b.status()
        || !Objects.equals(a.reportedUnder(), b.reportedUnder())
        || a.lines().size() != b.lines().size()) {
      return false;
    }
    for (int i = 0; i < a.lines().size(); i++) {
      CostLine x = a.lines().get(i);
      CostLine y = b.lines().get(i);
      if (x.category() != y.category()
          || !sameAmount(x.amountSek(), y.amountSek())
          || !sameAmount(x.hours(), y.hours())
          || !sameAmount(x.hourlyCostSek(), y.hourlyCostSek())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameAmount(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  /**
   * An ended forum takes corrections of what was true while it existed (its details, its
   * classification, costs, headcounts and appointments up to its end) and can be reopened by a
   * status change; it refuses facts that begin after its end: a day after it, or a year after the
   * year it ended in (the totals still add a fee or cost set for the year of the end, even when an
   * end on 1 January keeps the forum from being counted that year). Every write to an ended forum,
   * a reopening among them, is a correction and names the decision it rests on.
   */
  private void requireWhileNotEnded(LocalDate date, String field) {
    if (endedFrom != null && date.isAfter(endedFrom)) {
      throw new ForumRuleViolation(
          field,
          field
              + " "
              + date
              + " is after the forum's end on "
              + endedFrom
              + ": an ended forum takes no fact that begins after its end; reopen it first (a"
              + " status change with a reason and a decision)");
    }
  }

  private void requireYearWhileNotEnded(int year, String field) {
    if (endedFrom != null && year > endedFrom.getYear()) {
      throw new ForumRuleViolation(
          field,
          field
              + " "
              + year
              + " begins after the forum's end on "
              + endedFrom
              + ": an ended forum takes no fact that begins after its end; reopen it first (a"
              + " status change with a reason and a decision)");
    }
  }

  private void requireDecisionWhileEnded(String decisionReference) {
    if (endedFrom != null && (decisionReference == null || decisionReference.isBlank())) {
      throw new ForumRuleViolation(
          "decisionReference",
          "decisionReference is required: the forum ended on "
              + endedFrom
              + ", and a correction of an ended forum or its reopening names the decision it"
              + " rests on");
    }
  }

  private static void requireText(String value, String field) {
    require(value != null && !value.isBlank(), field, field + " is required");
  }

  private static void requireRange(CountRange range, String field) {
    if (range != null) {
      require(range.min() >= 0, field, field + " cannot be negative");
      require(range.min() <= range.max(), field, field + ": min cannot exceed max");
    }
  }

  private static void requireYear(int year, String field) {
    require(LedgerCalendar.accepts(year), field, LedgerCalendar.yearRule(field));
  }

  private static void requireDate(LocalDate date, String field) {
    require(LedgerCalendar.accepts(date), field, LedgerCalendar.dateRule(field));
  }

  private static void requireAmount(BigDecimal amount, String field) {
    require(amount != null, field, field + " is required");
    require(amount.signum() >= 0, field, field + " cannot be negative");
    require(amount.scale() <= SEK_SCALE, field, field + " has more than two decimals");
  }

  private static void requireReportedUnder(CostStatus status, String reportedUnder) {
    if (status == CostStatus.REPORTED_UNDER) {
      requireText(reportedUnder, "reportedUnder");
    } else {
      require(
          reportedUnder == null, "reportedUnder", "only status REPORTED_UNDER names another forum");
    }
  }

  private static String headcountKey(int year, org.forumledger.events.Body body) {
    return year + "/" + body;
  }

  @EventSourcingHandler
  void on(ForumRegistered event) {
    forumId = event.forumId();
    details = event;
    status = ForumStatus.ACTIVE;
  }

  @EventSourcingHandler
  void on(ForumDetailsRevised event) {
    details = details.revisedBy(event);
  }

  @EventSourcingHandler
  void on(ForumReclassified event) {
    details = details.reclassifiedBy(event);
  }

  @EventSourcingHandler
  void on(ForumStatusChanged event) {
    status = event.status();
    endedFrom = event.status() == ForumStatus.ENDED ? event.effectiveFrom() : null;
  }

  @EventSourcingHandler
  void on(RepresentativeAppointed event) {
    openAppointments.put(event.appointmentId(), event);
    allAppointments.put(event.appointmentId(), event);
  }

  @EventSourcingHandler
  void on(AppointmentEnded event) {
    openAppointments.remove(event.appointmentId());
  }

  @EventSourcingHandler
  void on(HeadcountRecorded event) {
    headcounts.put(headcountKey(event.year(), event.body()), event);
  }

  @EventSourcingHandler
  void on(AnnualFeeSet event) {
    fees.put(event.fromYear(), event);
  }

  @EventSourcingHandler
  void on(AnnualFeeWithdrawn event) {
    fees.remove(event.fromYear());
  }

  @EventSourcingHandler
  void on(OtherCostRecorded event) {
    otherCosts.put(event.year(), event);
  }

  @EventSourcingHandler
  void on(OtherCostWithdrawn event) {
    otherCosts.remove(event.year());
  }

  @EventSourcingHandler
  void on(ParticipationRecorded event) {
    participations.put(event.participationId(), event);
  }

  @EventSourcingHandler
  void on(ParticipationWithdrawn event) {
    participations.remove(event.participationId());
  }

  @EventSourcingHandler
  void on(ForumGoalsLinked event) {
    goalLinks.put(event.body(), event);
  }
}
