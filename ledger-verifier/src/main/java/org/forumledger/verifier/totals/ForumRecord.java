package org.forumledger.verifier.totals;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.ParticipationRecorded;

/**
 * What the events say of one forum, as far as the yearly totals need it: since when it is
 * registered, its last status, its fees by first year, its other costs by year and the current
 * record of each meeting taken part in. A later event for the same year (or meeting) replaces the
 * earlier one; a withdrawal removes it.
 */
record ForumRecord(
    LocalDate registeredFrom,
    ForumStatus status,
    LocalDate statusFrom,
    Map<Integer, AnnualFeeSet> feesByFromYear,
    Map<Integer, OtherCostRecorded> otherCostsByYear,
    Map<String, ParticipationRecorded> meetingsById) {

  ForumRecord {
    feesByFromYear = Map.copyOf(feesByFromYear);
    otherCostsByYear = Map.copyOf(otherCostsByYear);
    meetingsById = Map.copyOf(meetingsById);
  }

  /** A registration starts the record afresh, active from its effective date. */
  static ForumRecord registered(LocalDate effectiveDate) {
    return new ForumRecord(
        effectiveDate, ForumStatus.ACTIVE, effectiveDate, Map.of(), Map.of(), Map.of());
  }

  ForumRecord withStatus(ForumStatus next, LocalDate from) {
    return new ForumRecord(
        registeredFrom, next, from, feesByFromYear, otherCostsByYear, meetingsById);
  }

  ForumRecord withFee(AnnualFeeSet fee) {
    return withFees(changed(feesByFromYear, fee.fromYear(), fee));
  }

  ForumRecord withoutFee(int fromYear) {
    return withFees(changed(feesByFromYear, fromYear, null));
  }

  ForumRecord withOtherCost(OtherCostRecorded cost) {
    return withOtherCosts(changed(otherCostsByYear, cost.year(), cost));
  }

  ForumRecord withoutOtherCost(int year) {
    return withOtherCosts(changed(otherCostsByYear, year, null));
  }

  /** A meeting recorded, or corrected by a later record with its id. */
  ForumRecord withMeeting(ParticipationRecorded meeting) {
    Map<String, ParticipationRecorded> meetings = new TreeMap<>(meetingsById);
    meetings.put(meeting.participationId(), meeting);
    return withMeetings(meetings);
  }

  ForumRecord withoutMeeting(String participationId) {
    Map<String, ParticipationRecorded> meetings = new TreeMap<>(meetingsById);
    meetings.remove(participationId);
    return withMeetings(meetings);
  }

  /** The current record of every meeting (all years; the rule picks the year's). */
  Collection<ParticipationRecorded> meetings() {
    return meetingsById.values();
  }

  private ForumRecord withFees(Map<Integer, AnnualFeeSet> fees) {
    return new ForumRecord(
        registeredFrom, status, statusFrom, fees, otherCostsByYear, meetingsById);
  }

  private ForumRecord withOtherCosts(Map<Integer, OtherCostRecorded> costs) {
    return new ForumRecord(registeredFrom, status, statusFrom, feesByFromYear, costs, meetingsById);
  }

  private ForumRecord withMeetings(Map<String, ParticipationRecorded> meetings) {
    return new ForumRecord(
        registeredFrom, status, statusFrom, feesByFromYear, otherCostsByYear, meetings);
  }

  /** The map with the year's entry replaced, or removed for null. */
  private static <T> Map<Integer, T> changed(Map<Integer, T> byYear, int year, T entry) {
    Map<Integer, T> copy = new TreeMap<>(byYear);
    if (entry == null) {
      copy.remove(year);
    } else {
      copy.put(year, entry);
    }
    return copy;
  }

  /** Registered by the year's last day and not ended by its first. */
  boolean takesPartIn(int year) {
    boolean registered =
        registeredFrom == null || !registeredFrom.isAfter(LocalDate.of(year, 12, 31));
    return registered && !hasEndedBy(LocalDate.of(year, 1, 1));
  }

  /**
   * The fee for the year: of the fees whose years include it, the latest to start. A fee does not
   * run on into a year the forum had ended by, unless it was set for that very year.
   */
  Optional<AnnualFeeSet> feeIn(int year) {
    boolean ended = hasEndedBy(LocalDate.of(year, 1, 1));
    AnnualFeeSet covering = null;
    for (AnnualFeeSet fee : feesByFromYear.values()) {
      boolean covers = fee.fromYear() <= year && (fee.toYear() == null || year <= fee.toYear());
      boolean stillRuns = !ended || fee.fromYear() == year;
      if (covers && stillRuns && (covering == null || fee.fromYear() > covering.fromYear())) {
        covering = fee;
      }
    }
    return Optional.ofNullable(covering);
  }

  Optional<OtherCostRecorded> otherCostIn(int year) {
    return Optional.ofNullable(otherCostsByYear.get(year));
  }

  private boolean hasEndedBy(LocalDate day) {
    return status == ForumStatus.ENDED && (statusFrom == null || !statusFrom.isAfter(day));
  }
}
