package org.forumledger.registry.forum.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.forumledger.events.Body;
import org.forumledger.events.CostLine;
import org.forumledger.events.CostStatus;
import org.forumledger.events.CountRange;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.Role;
import org.forumledger.events.Scope;

/**
 * The commands a registrar can give a forum. Each names the forum and, optionally, the version the
 * client last saw ({@code expectedVersion}, from {@code If-Match}); a stale version is rejected
 * before anything is written. Reason, decision reference, effective date and actor travel as
 * message metadata and are copied onto every resulting event.
 */
public final class ForumCommands {

  private ForumCommands() {}

  public record RegisterForumCommand(
      @TargetAggregateIdentifier String forumId,
      String inventoryReference,
      String name,
      String purpose,
      String area,
      String subarea,
      ForumKind kind,
      String collaborationType,
      String convener,
      Scope scope,
      CountRange meetingsPerYear,
      MeetingMode meetingMode) {}

  public record ReviseForumDetailsCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      String name,
      String purpose,
      String convener,
      Scope scope,
      CountRange meetingsPerYear,
      MeetingMode meetingMode) {}

  public record ReclassifyForumCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      String area,
      String subarea,
      ForumKind kind,
      String collaborationType) {}

  public record ChangeForumStatusCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      ForumStatus status,
      LocalDate effectiveFrom) {}

  public record AppointRepresentativeCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      String appointmentId,
      String personName,
      Body body,
      Role role,
      LocalDate validFrom,
      LocalDate validTo) {}

  public record EndAppointmentCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      String appointmentId,
      LocalDate endedOn) {}

  public record RecordHeadcountCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      int year,
      Body body,
      CountRange headcount,
      String asWritten) {}

  /**
   * Sets the fee from {@code fromYear}. A fee in another currency gives {@code amount} in that
   * currency and either the {@code exchangeRate} (the SEK amount is derived, the rate stated) or
   * {@code amountSek} (the rate is implied by the two).
   */
  public record SetAnnualFeeCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      int fromYear,
      Integer toYear,
      CostStatus status,
      BigDecimal amount,
      String currency,
      BigDecimal exchangeRate,
      BigDecimal amountSek,
      FeeBasis basis,
      BigDecimal perInhabitantRateSek,
      Long population,
      BigDecimal projectTotalSek,
      String reportedUnder) {}

  public record WithdrawAnnualFeeCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      int fromYear) {}

  public record RecordOtherCostCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      int year,
      CostStatus status,
      List<CostLine> lines,
      String reportedUnder) {}

  public record WithdrawOtherCostCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      int year) {}

  /**
   * Records a meeting a body took part in, under {@code participationId}; with {@code correcting}
   * it replaces the meeting already recorded under that id (a correction), else that id must be
   * new. Attendance is a count or the named appointments, not both.
   */
  public record RecordParticipationCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      String participationId,
      boolean correcting,
      Body body,
      LocalDate meetingDate,
      Integer attendeeCount,
      List<String> appointmentIds,
      BigDecimal hours,
      BigDecimal travelSek,
      BigDecimal lodgingSek,
      BigDecimal perDiemSek,
      BigDecimal electedFeesSek,
      MeetingMode mode) {}

  public record WithdrawParticipationCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      String participationId) {}

  /** States the goals a unit's participation serves and its benefit to residents. */
  public record LinkGoalsCommand(
      @TargetAggregateIdentifier String forumId,
      @TargetAggregateVersion Long expectedVersion,
      Body body,
      List<String> goalIds,
      String benefitForResidents) {}
}
