package org.forumledger.registry.forum.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.Body;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostStatus;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.Role;
import org.forumledger.events.Scope;

/**
 * Request bodies of the registry API. Every write says when it takes effect, why, and on which
 * decision; the actor is never taken from the request but from the authenticated principal.
 */
public final class ForumRequests {

  private ForumRequests() {}

  /** What every write carries: valid time, reason and (optionally) the decision it rests on. */
  public interface Provenance {
    LocalDate effectiveDate();

    String reason();

    String decisionReference();
  }

  public record Range(@NotNull @Min(0) Integer min, @NotNull @Min(0) Integer max) {}

  public record RegisterForumRequest(
      @Size(max = 40) String inventoryReference,
      @NotBlank @Size(max = 300) String name,
      @Size(max = 4000) String purpose,
      @NotBlank @Size(max = 200) String area,
      @Size(max = 200) String subarea,
      @NotNull ForumKind kind,
      @Size(max = 100) String collaborationType,
      @Size(max = 200) String convener,
      Scope scope,
      @Valid Range meetingsPerYear,
      MeetingMode meetingMode,
      @NotNull LocalDate effectiveDate,
      @NotBlank @Size(max = 1000) String reason,
      @Size(max = 200) String decisionReference)
      implements Provenance {}

  public record ReviseDetailsRequest(
      @NotBlank @Size(max = 300) String name,
      @Size(max = 4000) String purpose,
      @Size(max = 200) String convener,
      Scope scope,
      @Valid Range meetingsPerYear,
      MeetingMode meetingMode,
      @NotNull LocalDate effectiveDate,
      @NotBlank @Size(max = 1000) String reason,
      @Size(max = 200) String decisionReference)
      implements Provenance {}

  public record ReclassifyRequest(
      @NotBlank @Size(max = 200) String area,
      @Size(max = 200) String subarea,
      @NotNull ForumKind kind,
      @Size(max = 100) String collaborationType,
      @NotNull LocalDate effectiveDate,
      @NotBlank @Size(max = 1000) String reason,
      @Size(max = 200) String decisionReference)
      implements Provenance {}

  public record ChangeStatusRequest(
      @NotNull ForumStatus status,
      @NotNull LocalDate effectiveDate,
      @NotBlank @Size(max = 1000) String reason,
      @Size(max = 200) String decisionReference)
      implements Provenance {}

  public record AppointRequest(
      @Size(max = 64) String appointmentId,
      @NotBlank @Size(max = 200) String personName,
      @NotNull Body body,
      @NotNull Role role,
      @NotNull LocalDate validFrom,
      LocalDate validTo,
      @NotNull LocalDate effectiveDate,
      @NotBlank @Size(max = 1000) String reason,
      @Size(max = 200) String decisionReference)
      implements Provenance {}

  public record EndAppointmentRequest(
      @NotNull LocalDate endedOn,
      @NotNull LocalDate effectiveDate,
      @NotBlank @Size(max = 1000) String reason,
      @Size(max = 200) String decisionReference)
      implements Provenance {}

  public record HeadcountRequest(
      @NotNull @Valid Range headcount,
      @Size(max = 100) String asWritten,
      @NotNull LocalDate effectiveDate,
      @NotBlank @Size(max = 1000) String reason,
      @Size(max = 200) String decisionReference)
      implements Provenance {}

  public record SetFeeRequest(
      @Min(1900) @Max(2200) Integer toYear,
      @NotNull CostStatus status,
      @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal amount,
      @Size(min = 3, max = 3) String currency,
      @DecimalMin(value = "0", inclusive = false) @Digits(integer = 6, fraction = 6)
          BigDecimal exchangeRate,
      FeeBasis basis,
      @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal perInhabitantRateSek,
      @Min(1) Long population,
      @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal projectTotalSek,
      @Size(max = 40) String reportedUnder,
      @NotNull LocalDate effectiveDate,
      @NotBlank @Size(max = 1000) String reason,
      @Size(max = 200) String decisionReference)
      implements Provenance {}

  public record CostLineRequest(
      @NotNull CostCategory category,
      @NotNull @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal amountSek,
      @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal hours,
      @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal hourlyCostSek) {}

  public record OtherCostRequest(
      @NotNull CostStatus status,
      @Valid @Size(max = 20) List<@NotNull @Valid CostLineRequest> lines,
      @Size(max = 40) String reportedUnder,
      @NotNull LocalDate effectiveDate,
      @NotBlank @Size(max = 1000) String reason,
      @Size(max = 200) String decisionReference)
      implements Provenance {}

  /** Withdrawing a fee or a cost needs its reason too. */
  public record WithdrawRequest(
      @NotNull LocalDate effectiveDate,
      @NotBlank @Size(max = 1000) String reason,
      @Size(max = 200) String decisionReference)
      implements Provenance {}
}
