package org.forumledger.reporting.history;

import java.time.Instant;
import java.time.LocalDate;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.AnnualFeeWithdrawn;
import org.forumledger.events.AppointmentEnded;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.RepresentativeAppointed;

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
    if (knownAt != null && envelope.metadata().recordedAt().isAfter(knownAt)) {
      return false;
    }
    if (asOf == null) {
      return true;
    }
    ForumEvent event = envelope.payload();
    if (event instanceof AnnualFeeSet fee) {
      return fee.fromYear() <= asOf.getYear();
    }
    if (event instanceof AnnualFeeWithdrawn withdrawn) {
      return withdrawn.fromYear() <= asOf.getYear();
    }
    if (event instanceof OtherCostRecorded cost) {
      return cost.year() <= asOf.getYear();
    }
    if (event instanceof OtherCostWithdrawn withdrawn) {
      return withdrawn.year() <= asOf.getYear();
    }
    if (event instanceof HeadcountRecorded headcount) {
      return headcount.year() <= asOf.getYear();
    }
    if (event instanceof ForumStatusChanged status) {
      return notAfter(
          status.effectiveFrom() != null
              ? status.effectiveFrom()
              : envelope.metadata().effectiveDate());
    }
    if (event instanceof RepresentativeAppointed appointed) {
      return notAfter(
          appointed.validFrom() != null
              ? appointed.validFrom()
              : envelope.metadata().effectiveDate());
    }
    if (event instanceof AppointmentEnded ended) {
      return notAfter(ended.endedOn());
    }
    return notAfter(envelope.metadata().effectiveDate());
  }

  private boolean notAfter(LocalDate validFrom) {
    return validFrom == null || !validFrom.isAfter(asOf);
  }
}
