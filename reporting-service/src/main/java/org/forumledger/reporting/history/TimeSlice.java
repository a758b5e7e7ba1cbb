package org.forumledger.reporting.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.AnnualFeeWithdrawn;
import org.forumledger.events.AppointmentEnded;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.LedgerEvent;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.ParticipationRecorded;
import org.forumledger.events.ParticipationWithdrawn;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.events.ReviewClosed;
import org.forumledger.events.ReviewDecisionRecorded;
import org.forumledger.events.ReviewEvent;
import org.forumledger.events.ReviewOpened;

/**
 * One point in both times: the valid-time date the registry is looked at ({@code asOf}) and the
 * recorded time up to which the ledger's knowledge is used ({@code knownAt}). A null means "no
 * limit" (all valid times, everything recorded so far).
 *
 * <p>An event belongs to the slice when it was recorded by {@code knownAt} and the fact it states
 * is valid by {@code asOf}. The valid time of a fact is the one the payload names where it names
 * one (a fee's first year, a status's effectiveFrom, an appointment's first day, an end's last
 * day), otherwise the event's effective date; an event without any valid time is always valid.
 */
public record TimeSlice(LocalDate asOf, Instant knownAt) {

  public static final TimeSlice CURRENT = new TimeSlice(null, null);

  public boolean includes(EventEnvelope envelope) {
    return includes(envelope.metadata().recordedAt(), validFrom(envelope));
  }

  /** Whether a fact recorded at {@code recordedAt} and valid from {@code validFrom} is in. */
  public boolean includes(Instant recordedAt, LocalDate validFrom) {
    if (knownAt != null && recordedAt.isAfter(knownAt)) {
      return false;
    }
    return asOf == null || validFrom == null || !validFrom.isAfter(asOf);
  }

  /**
   * The first day the event's fact is valid, null when it names none (then it is always valid): a
   * year's fee, other cost or headcount from 1 January of that year; a status, appointment or end
   * from the date it names; a meeting from its day; a year's cost rates from 1 January of the year;
   * a withdrawn meeting always (it takes the record back wherever the record was); a review's
   * opening, decision and closing from the day each names, its assessments from their effective
   * date or else the day they were recorded; anything else from the event's effective date.
   */
  public static LocalDate validFrom(EventEnvelope envelope) {
    LedgerEvent event = envelope.payload();
    LocalDate effectiveDate = envelope.metadata().effectiveDate();
    if (event instanceof AnnualFeeSet fee) {
      return firstDayOf(fee.fromYear());
    }
    if (event instanceof AnnualFeeWithdrawn withdrawn) {
      return firstDayOf(withdrawn.fromYear());
    }
    if (event instanceof OtherCostRecorded cost) {
      return firstDayOf(cost.year());
    }
    if (event instanceof OtherCostWithdrawn withdrawn) {
      return firstDayOf(withdrawn.year());
    }
    if (event instanceof HeadcountRecorded headcount) {
      return firstDayOf(headcount.year());
    }
    if (event instanceof ForumStatusChanged status) {
      return status.effectiveFrom() != null ? status.effectiveFrom() : effectiveDate;
    }
    if (event instanceof RepresentativeAppointed appointed) {
      return appointed.validFrom() != null ? appointed.validFrom() : effectiveDate;
    }
    if (event instanceof AppointmentEnded ended) {
      return ended.endedOn();
    }
    if (event instanceof ParticipationRecorded meeting) {
      return meeting.meetingDate();
    }
    if (event instanceof ParticipationWithdrawn) {
      // a mistake taken back: gone from every valid time the record was in, once known
      return null;
    }
    if (event instanceof CostRatesRecorded rates) {
      return firstDayOf(rates.year());
    }
    if (event instanceof ReviewOpened opened && opened.openedOn() != null) {
      return opened.openedOn();
    }
    if (event instanceof ReviewDecisionRecorded decided && decided.decidedOn() != null) {
      return decided.decidedOn();
    }
    if (event instanceof ReviewClosed closed && closed.closedOn() != null) {
      return closed.closedOn();
    }
    if (event instanceof ReviewEvent
        && effectiveDate == null
        && envelope.metadata().recordedAt() != null) {
      // what a review says holds from the day it was said, never before
      return LocalDate.ofInstant(envelope.metadata().recordedAt(), ZoneOffset.UTC);
    }
    return effectiveDate;
  }

  private static LocalDate firstDayOf(int year) {
    return LocalDate.of(year, 1, 1);
  }
}
