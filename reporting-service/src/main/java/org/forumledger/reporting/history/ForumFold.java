package org.forumledger.reporting.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.AnnualFeeWithdrawn;
import org.forumledger.events.AppointmentEnded;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumDetailsRevised;
import org.forumledger.events.ForumReclassified;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.LedgerEvent;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.ParticipationRecorded;
import org.forumledger.events.ParticipationWithdrawn;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.events.TakingPart;

/**
 * The one fold from forum events to {@link ForumState}, used by the live view, time travel and
 * replay alike, so the three cannot disagree. Events must come in global-position order per forum.
 */
public final class ForumFold {

  private ForumFold() {}

  /** All forums after the events in {@code slice}, keyed by forum id, in order of first event. */
  public static Map<String, ForumState> fold(Iterable<EventEnvelope> events, TimeSlice slice) {
    Map<String, ForumState> forums = new LinkedHashMap<>();
    for (EventEnvelope envelope : events) {
      if (slice.includes(envelope)) {
        String forumId = envelope.metadata().forumId();
        ForumState next = apply(forums.get(forumId), envelope);
        if (next != null) {
          forums.put(forumId, next);
        }
      }
    }
    return forums;
  }

  /**
   * The state after one event. A forum exists from its registration: an event for a forum not (yet)
   * registered in this slice leaves it absent (null).
   */
  public static ForumState apply(ForumState state, EventEnvelope envelope) {
    EventMetadata meta = envelope.metadata();
    LedgerEvent event = envelope.payload();
    if (event instanceof ForumRegistered r) {
      return new ForumState(
          r,
          meta.effectiveDate(),
          ForumStatus.ACTIVE,
          meta.effectiveDate(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          meta.sequenceNumber(),
          meta.globalPosition(),
          meta.recordedAt());
    }
    if (state == null) {
      return null;
    }
    ForumRegistered details = state.details();
    ForumStatus status = state.status();
    LocalDate statusEffectiveFrom = state.statusEffectiveFrom();
    List<AnnualFeeSet> fees = state.fees();
    List<OtherCostRecorded> otherCosts = state.otherCosts();
    List<Appointment> appointments = state.appointments();
    List<HeadcountRecorded> headcounts = state.headcounts();
    List<ParticipationRecorded> participations = state.participations();
    if (event instanceof ForumDetailsRevised d) {
      details = details.revisedBy(d);
    } else if (event instanceof ForumReclassified c) {
      details = details.reclassifiedBy(c);
    } else if (event instanceof ForumStatusChanged c) {
      status = c.status();
      statusEffectiveFrom = c.effectiveFrom();
    } else if (event instanceof AnnualFeeSet fee) {
      fees = replace(fees, f -> f.fromYear() == fee.fromYear(), fee);
      fees.sort(Comparator.comparingInt(AnnualFeeSet::fromYear));
    } else if (event instanceof AnnualFeeWithdrawn w) {
      fees = replace(fees, f -> f.fromYear() == w.fromYear(), null);
    } else if (event instanceof OtherCostRecorded cost) {
      otherCosts = replace(otherCosts, c -> c.year() == cost.year(), cost);
      otherCosts.sort(Comparator.comparingInt(OtherCostRecorded::year));
    } else if (event instanceof OtherCostWithdrawn w) {
      otherCosts = replace(otherCosts, c -> c.year() == w.year(), null);
    } else if (event instanceof RepresentativeAppointed a) {
      Appointment appointment =
          new Appointment(
              a.appointmentId(),
              a.personName(),
              a.body(),
              a.role(),
              a.validFrom(),
              a.validTo(),
              null);
      appointments =
          replace(appointments, x -> x.appointmentId().equals(a.appointmentId()), appointment);
    } else if (event instanceof AppointmentEnded e) {
      List<Appointment> ended = new ArrayList<>();
      for (Appointment x : appointments) {
        ended.add(
            x.appointmentId().equals(e.appointmentId())
                ? new Appointment(
                    x.appointmentId(),
                    x.personName(),
                    x.body(),
                    x.role(),
                    x.validFrom(),
                    x.validTo(),
                    e.endedOn())
                : x);
      }
      appointments = ended;
    } else if (event instanceof HeadcountRecorded h) {
      headcounts = replace(headcounts, x -> x.year() == h.year() && x.body().equals(h.body()), h);
      headcounts.sort(
          Comparator.comparingInt(HeadcountRecorded::year)
              .thenComparing(HeadcountRecorded::body, TakingPart.BY_CODE));
    } else if (event instanceof ParticipationRecorded p) {
      participations =
          replace(participations, x -> x.participationId().equals(p.participationId()), p);
      participations.sort(
          Comparator.comparing(ParticipationRecorded::meetingDate)
              .thenComparing(ParticipationRecorded::participationId));
    } else if (event instanceof ParticipationWithdrawn w) {
      participations =
          replace(participations, x -> x.participationId().equals(w.participationId()), null);
    }
    return new ForumState(
        details,
        state.registeredFrom(),
        status,
        statusEffectiveFrom,
        fees,
        otherCosts,
        appointments,
        headcounts,
        participations,
        meta.sequenceNumber(),
        meta.globalPosition(),
        meta.recordedAt());
  }

  /**
   * A mutable copy of {@code items} without those matching, plus {@code replacement} if not null.
   */
  private static <T> List<T> replace(List<T> items, Predicate<T> matches, T replacement) {
    List<T> result = new ArrayList<>();
    boolean replaced = false;
    for (T item : items) {
      if (matches.test(item)) {
        if (replacement != null && !replaced) {
          result.add(replacement);
          replaced = true;
        }
      } else {
        result.add(item);
      }
    }
    if (replacement != null && !replaced) {
      result.add(replacement);
    }
    return result;
  }
}
