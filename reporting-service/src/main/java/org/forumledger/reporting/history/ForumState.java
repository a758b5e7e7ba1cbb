package org.forumledger.reporting.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.Body;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.ParticipationRecorded;

/**
 * What the registry says about one forum after a sequence of its events: details, status, fees by
 * first year, other costs by year, appointments, headcounts and the current record of each meeting
 * taken part in (a corrected meeting by its latest record, a withdrawn one left out), in date
 * order. Immutable; {@link ForumFold} makes the next state from this one and an event.
 *
 * @param details the forum's descriptive details in the contract's own record, as revised and
 *     reclassified since registration; written unwrapped, so the state's JSON (and its checksum)
 *     has the details' fields at its top level
 * @param registeredFrom the effective date of the forum's registration, null when it was not given
 * @param statusEffectiveFrom when the current status took effect
 * @param participations left out of the JSON when empty, so the stored form (and checksum) of a
 *     forum without recorded meetings is what it was before meetings were recorded at all
 * @param lastPosition the global position of the last event folded in
 */
public record ForumState(
    @JsonUnwrapped ForumRegistered details,
    LocalDate registeredFrom,
    ForumStatus status,
    LocalDate statusEffectiveFrom,
    List<AnnualFeeSet> fees,
    List<OtherCostRecorded> otherCosts,
    List<Appointment> appointments,
    List<HeadcountRecorded> headcounts,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ParticipationRecorded> participations,
    long lastSequence,
    long lastPosition,
    Instant lastRecordedAt) {

  public ForumState {
    Objects.requireNonNull(details, "details");
    fees = fees == null ? List.of() : List.copyOf(fees);
    otherCosts = otherCosts == null ? List.of() : List.copyOf(otherCosts);
    appointments = appointments == null ? List.of() : List.copyOf(appointments);
    headcounts = headcounts == null ? List.of() : List.copyOf(headcounts);
    participations = participations == null ? List.of() : List.copyOf(participations);
  }

  /**
   * The current record of each meeting in {@code year} (corrected by its latest, withdrawn out).
   */
  public List<ParticipationRecorded> participationsIn(int year) {
    return participations.stream().filter(p -> p.year() == year).toList();
  }

  public String forumId() {
    return details.forumId();
  }

  /**
   * The fee that covers {@code year}: of the fees whose years fromYear..toYear include it, the one
   * with the greatest fromYear. Actuals only: nothing is projected beyond what a fee covers, and a
   * fee does not recur into a year the forum had ended by (the year it was recorded from still
   * counts).
   */
  public Optional<AnnualFeeSet> feeFor(int year) {
    boolean ended = endedBy(LocalDate.of(year, 1, 1));
    return fees.stream()
        .filter(fee -> fee.fromYear() <= year && (fee.toYear() == null || fee.toYear() >= year))
        .filter(fee -> !ended || fee.fromYear() == year)
        .max(Comparator.comparingInt(AnnualFeeSet::fromYear));
  }

  public Optional<OtherCostRecorded> otherCostFor(int year) {
    return otherCosts.stream().filter(cost -> cost.year() == year).findFirst();
  }

  public Optional<HeadcountRecorded> headcountFor(int year, Body body) {
    return headcounts.stream()
        .filter(headcount -> headcount.year() == year && headcount.body().equals(body))
        .findFirst();
  }

  public long appointmentsIn(int year, Body body) {
    return appointments.stream()
        .filter(appointment -> appointment.body().equals(body) && appointment.activeIn(year))
        .count();
  }

  /** Registered by the end of {@code year} and not ended on or before its first day. */
  public boolean countsIn(int year) {
    boolean registered =
        registeredFrom == null || !registeredFrom.isAfter(LocalDate.of(year, 12, 31));
    return registered && !endedBy(LocalDate.of(year, 1, 1));
  }

  /** Takes part on {@code day}: registered by then and not ended on or before it. */
  public boolean participatesOn(LocalDate day) {
    boolean registered = registeredFrom == null || !registeredFrom.isAfter(day);
    return registered && !endedBy(day);
  }

  private boolean endedBy(LocalDate day) {
    return status == ForumStatus.ENDED
        && (statusEffectiveFrom == null || !statusEffectiveFrom.isAfter(day));
  }
}
