package org.forumledger.registry.forum.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.Body;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostLine;
import org.forumledger.events.CostStatus;
import org.forumledger.events.CountRange;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.Role;
import org.forumledger.events.Scope;
import org.forumledger.registry.forum.domain.ForumCommands.AppointRepresentativeCommand;
import org.forumledger.registry.forum.domain.ForumCommands.ChangeForumStatusCommand;
import org.forumledger.registry.forum.domain.ForumCommands.EndAppointmentCommand;
import org.forumledger.registry.forum.domain.ForumCommands.ReclassifyForumCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RecordHeadcountCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RecordOtherCostCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RecordParticipationCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RegisterForumCommand;
import org.forumledger.registry.forum.domain.ForumCommands.ReviseForumDetailsCommand;
import org.forumledger.registry.forum.domain.ForumCommands.SetAnnualFeeCommand;

/**
 * Request bodies of the registry API. Every write says when it takes effect, why, and on which
 * decision (its {@link Provenance}, written at the top level of the body beside the other fields);
 * the actor is never taken from the request but from the authenticated principal.
 */
public final class ForumRequests {

  private ForumRequests() {}

  /** What every write carries: valid time, reason and (optionally) the decision it rests on. */
  public record Provenance(
      @NotNull @InLedgerCalendar LocalDate effectiveDate,
      @NotBlank @Size(max = 1000) String reason,
      @Size(max = 200) String decisionReference) {

    /**
     * The provenance of a write whose body may leave it out (units, goals, reviews): the effective
     * date and reason given, else the defaults the write names; sizes held as {@code @Valid} would.
     */
    public static Provenance orDefaults(
        Provenance given, LocalDate effectiveDate, String reason, String decisionReference) {
      LocalDate date = given == null ? null : given.effectiveDate();
      String why = given == null ? null : given.reason();
      String decision = given == null ? null : given.decisionReference();
      if (why != null && why.length() > 1000) {
        throw new InvalidRequestException("reason", "at most 1000 characters");
      }
      if (decision != null && decision.length() > 200) {
        throw new InvalidRequestException("decisionReference", "at most 200 characters");
      }
      Provenance provenance =
          new Provenance(
              date == null ? effectiveDate : date,
              why == null || why.isBlank() ? reason : why,
              decision == null || decision.isBlank() ? decisionReference : decision);
      if (!org.forumledger.events.LedgerCalendar.accepts(provenance.effectiveDate())) {
        throw new InvalidRequestException(
            "effectiveDate", org.forumledger.events.LedgerCalendar.dateRule("effectiveDate"));
      }
      return provenance;
    }
  }

  /** The body of a write. */
  public interface Write {
    Provenance provenance();
  }

  public record Range(@NotNull @Min(0) Integer min, @NotNull @Min(0) Integer max) {
    static CountRange counts(Range range) {
      return range == null ? null : new CountRange(range.min(), range.max());
    }
  }

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
      @JsonUnwrapped @Valid Provenance provenance)
      implements Write {

    RegisterForumCommand command(String forumId) {
      return new RegisterForumCommand(
          forumId,
          inventoryReference,
          name,
          purpose,
          area,
          subarea,
          kind,
          collaborationType,
          convener,
          scope,
          Range.counts(meetingsPerYear),
          meetingMode);
    }
  }

  public record ReviseDetailsRequest(
      @NotBlank @Size(max = 300) String name,
      @Size(max = 4000) String purpose,
      @Size(max = 200) String convener,
      Scope scope,
      @Valid Range meetingsPerYear,
      MeetingMode meetingMode,
      @JsonUnwrapped @Valid Provenance provenance)
      implements Write {

    ReviseForumDetailsCommand command(String forumId, Long version) {
      return new ReviseForumDetailsCommand(
          forumId,
          version,
          name,
          purpose,
          convener,
          scope,
          Range.counts(meetingsPerYear),
          meetingMode);
    }
  }

  public record ReclassifyRequest(
      @NotBlank @Size(max = 200) String area,
      @Size(max = 200) String subarea,
      @NotNull ForumKind kind,
      @Size(max = 100) String collaborationType,
      @JsonUnwrapped @Valid Provenance provenance)
      implements Write {

    ReclassifyForumCommand command(String forumId, Long version) {
      return new ReclassifyForumCommand(forumId, version, area, subarea, kind, collaborationType);
    }
  }

  public record ChangeStatusRequest(
      @NotNull ForumStatus status, @JsonUnwrapped @Valid Provenance provenance) implements Write {

    ChangeForumStatusCommand command(String forumId, Long version) {
      return new ChangeForumStatusCommand(forumId, version, status, provenance.effectiveDate());
    }
  }

  public record AppointRequest(
      @Size(max = 64) String appointmentId,
      @NotBlank @Size(max = 200) String personName,
      @NotNull Body body,
      @NotNull Role role,
      @NotNull @InLedgerCalendar LocalDate validFrom,
      @InLedgerCalendar LocalDate validTo,
      @JsonUnwrapped @Valid Provenance provenance)
      implements Write {

    AppointRepresentativeCommand command(String forumId, Long version, String appointmentId) {
      return new AppointRepresentativeCommand(
          forumId, version, appointmentId, personName, body, role, validFrom, validTo);
    }
  }

  public record EndAppointmentRequest(
      @NotNull @InLedgerCalendar LocalDate endedOn, @JsonUnwrapped @Valid Provenance provenance)
      implements Write {

    EndAppointmentCommand command(String forumId, Long version, String appointmentId) {
      return new EndAppointmentCommand(forumId, version, appointmentId, endedOn);
    }
  }

  public record HeadcountRequest(
      @Schema(
              description =
                  "How many take part, as a range. Leave it out only when the count is unknown"
                      + " and `asWritten` keeps the source's words (\"2 per forum\"); such a"
                      + " record adds nothing to any count")
          @Valid
          Range headcount,
      @Schema(description = "The figure as the source wrote it, e.g. \"1-2\" or \"2 per forum\"")
          @Size(max = 100)
          String asWritten,
      @JsonUnwrapped @Valid Provenance provenance)
      implements Write {

    RecordHeadcountCommand command(String forumId, Long version, int year, Body body) {
      return new RecordHeadcountCommand(
          forumId, version, year, body, Range.counts(headcount), asWritten);
    }
  }

  public record SetFeeRequest(
      @InLedgerCalendar Integer toYear,
      @NotNull CostStatus status,
      @Schema(
              description =
                  "The fee for status AMOUNT, in `currency`: SEK, or the original amount of a fee"
                      + " set in another currency (e.g. 1500 for ECCAR's 1 500 EUR)")
          @DecimalMin("0")
          @Digits(integer = 13, fraction = 2)
          BigDecimal amount,
      @Schema(description = "ISO 4217 code of `amount`; SEK when left out", example = "EUR")
          @Size(min = 3, max = 3)
          String currency,
      @Schema(
              description =
                  "For a fee in another currency: the exchange rate used, SEK per unit. The SEK"
                      + " amount is computed (amount × rate, to the öre) and the rate recorded as"
                      + " STATED. Give either this or `amountSek`, not both; none for SEK")
          @DecimalMin(value = "0", inclusive = false)
          @Digits(integer = 6, fraction = 6)
          BigDecimal exchangeRate,
      @Schema(
              description =
                  "For a fee in another currency: its SEK amount as the source prints it (ECCAR"
                      + " 2023: 16000 for 1 500 EUR). It is kept as given and the rate is recorded"
                      + " as IMPLIED: amountSek / amount to 6 decimals, half up. Give either this"
                      + " or `exchangeRate`, not both; none for SEK")
          @DecimalMin(value = "0", inclusive = false)
          @Digits(integer = 13, fraction = 2)
          BigDecimal amountSek,
      FeeBasis basis,
      @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal perInhabitantRateSek,
      @Min(1) Long population,
      @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal projectTotalSek,
      @Size(max = 40) String reportedUnder,
      @JsonUnwrapped @Valid Provenance provenance)
      implements Write {

    SetAnnualFeeCommand command(String forumId, Long version, int fromYear) {
      return new SetAnnualFeeCommand(
          forumId,
          version,
          fromYear,
          toYear,
          status,
          amount,
          currency,
          exchangeRate,
          amountSek,
          basis,
          perInhabitantRateSek,
          population,
          projectTotalSek,
          reportedUnder);
    }
  }

  public record CostLineRequest(
      @NotNull CostCategory category,
      @NotNull @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal amountSek,
      @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal hours,
      @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal hourlyCostSek) {}

  public record OtherCostRequest(
      @NotNull CostStatus status,
      @Valid @Size(max = 20) List<@NotNull @Valid CostLineRequest> lines,
      @Size(max = 40) String reportedUnder,
      @JsonUnwrapped @Valid Provenance provenance)
      implements Write {

    RecordOtherCostCommand command(String forumId, Long version, int year) {
      List<CostLine> costLines =
          lines == null
              ? List.of()
              : lines.stream()
                  .map(l -> new CostLine(l.category(), l.amountSek(), l.hours(), l.hourlyCostSek()))
                  .toList();
      return new RecordOtherCostCommand(forumId, version, year, status, costLines, reportedUnder);
    }
  }

  /**
   * A meeting a body took part in: attendance as a count or the named appointments, the hours of
   * all attendees together (preparation included) and what it cost besides (none given is 0).
   */
  public record ParticipationRequest(
      @Schema(description = "Who took part: KS or SLK") @NotNull Body body,
      @NotNull @InLedgerCalendar LocalDate meetingDate,
      @Schema(
              description =
                  "How many took part, 0 for a meeting held that nobody of the body attended; give"
                      + " this or `appointmentIds`, not both")
          @Min(0)
          Integer attendeeCount,
      @Schema(description = "The appointments (of this forum) that took part, instead of a count")
          @Size(max = 200)
          List<@NotBlank @Size(max = 100) String> appointmentIds,
      @Schema(description = "Working hours of all who took part together, preparation included")
          @NotNull
          @DecimalMin("0")
          @Digits(integer = 6, fraction = 2)
          BigDecimal hours,
      @Schema(description = "Travel (resekostnad), SEK")
          @DecimalMin("0")
          @Digits(integer = 13, fraction = 2)
          BigDecimal travelSek,
      @Schema(description = "Lodging (logi), SEK")
          @DecimalMin("0")
          @Digits(integer = 13, fraction = 2)
          BigDecimal lodgingSek,
      @Schema(description = "Per diem (traktamente), SEK")
          @DecimalMin("0")
          @Digits(integer = 13, fraction = 2)
          BigDecimal perDiemSek,
      @Schema(description = "Fees paid to elected representatives (arvode), SEK")
          @DecimalMin("0")
          @Digits(integer = 13, fraction = 2)
          BigDecimal electedFeesSek,
      @NotNull MeetingMode mode,
      @JsonUnwrapped @Valid Provenance provenance)
      implements Write {

    RecordParticipationCommand command(
        String forumId, Long version, String participationId, boolean correcting) {
      return new RecordParticipationCommand(
          forumId,
          version,
          participationId,
          correcting,
          body,
          meetingDate,
          attendeeCount,
          appointmentIds,
          hours,
          travelSek,
          lodgingSek,
          perDiemSek,
          electedFeesSek,
          mode);
    }
  }

  /**
   * The goals a unit's participation serves (registered goal ids; empty for none) and its benefit
   * to residents. Effective date and reason may be left out (today, a description).
   */
  public record GoalsLinkRequest(
      @NotNull @Size(max = 50) List<@NotBlank @Size(max = 64) String> goalIds,
      @NotBlank @Size(max = 4000) String benefitForResidents,
      @JsonUnwrapped Provenance provenance)
      implements Write {}

  /** Withdrawing a fee or a cost needs its reason too. */
  public record WithdrawRequest(@JsonUnwrapped @Valid Provenance provenance) implements Write {}
}
