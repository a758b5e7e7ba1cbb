package org.forumledger.reporting.history;

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
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumReclassified;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.RepresentativeAppointed;

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
    ForumEvent event = envelope.payload();
    if (event instanceof ForumRegistered r) {
      return state(
          r,
          meta.effectiveDate(),
          ForumStatus.ACTIVE,
          meta.effectiveDate(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          meta);
    }
    if (state == null) {
      return null;
    }
    ForumState s = state;
    if (event instanceof ForumDetailsRevised d) {
      s = withDetails(s, s.details().revisedBy(d));
    } else if (event instanceof ForumReclassified c) {
      s = withDetails(s, s.details().reclassifiedBy(c));
    } else if (event instanceof ForumStatusChanged c) {
      s = withStatus(s, c);
    } else if (event instanceof AnnualFeeSet fee) {
      List<AnnualFeeSet> fees = replace(s.fees(), f -> f.fromYear() == fee.fromYear(), fee);
      fees.sort(Comparator.comparingInt(AnnualFeeSet::fromYear));
      s = withCosts(s, fees, s.otherCosts());
    } else if (event instanceof AnnualFeeWithdrawn w) {
      s = withCosts(s, replace(s.fees(), f -> f.fromYear() == w.fromYear(), null), s.otherCosts());
    } else if (event instanceof OtherCostRecorded cost) {
      List<OtherCostRecorded> costs = replace(s.otherCosts(), c -> c.year() == cost.year(), cost);
      costs.sort(Comparator.comparingInt(OtherCostRecorded::year));
      s = withCosts(s, s.fees(), costs);
    } else if (event instanceof OtherCostWithdrawn w) {
      s = withCosts(s, s.fees(), replace(s.otherCosts(), c -> c.year() == w.year(), null));
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
      s =
          withPeople(
              s,
              replace(
                  s.appointments(), x -> x.appointmentId().equals(a.appointmentId()), appointment),
              s.headcounts());
    } else if (event instanceof AppointmentEnded e) {
      List<Appointment> appointments = new ArrayList<>();
      for (Appointment x : s.appointments()) {
        appointments.add(
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
      s = withPeople(s, appointments, s.headcounts());
    } else if (event instanceof HeadcountRecorded h) {
      List<HeadcountRecorded> headcounts =
          replace(s.headcounts(), x -> x.year() == h.year() && x.body() == h.body(), h);
      headcounts.sort(
          Comparator.comparingInt(HeadcountRecorded::year).thenComparing(HeadcountRecorded::body));
      s = withPeople(s, s.appointments(), headcounts);
    }
    return positioned(s, meta);
  }

  private static ForumState withDetails(ForumState s, ForumRegistered details) {
    return state(
        details,
        s.registeredFrom(),
        s.status(),
        s.statusEffectiveFrom(),
        s.fees(),
        s.otherCosts(),
        s.appointments(),
        s.headcounts(),
        null);
  }

  private static ForumState withStatus(ForumState s, ForumStatusChanged c) {
    return state(
        s.details(),
        s.registeredFrom(),
        c.status(),
        c.effectiveFrom(),
        s.fees(),
        s.otherCosts(),
        s.appointments(),
        s.headcounts(),
        null);
  }

  private static ForumState withCosts(
      ForumState s, List<AnnualFeeSet> fees, List<OtherCostRecorded> otherCosts) {
    return state(
        s.details(),
        s.registeredFrom(),
        s.status(),
        s.statusEffectiveFrom(),
        fees,
        otherCosts,
        s.appointments(),
        s.headcounts(),
        null);
  }

  private static ForumState withPeople(
      ForumState s, List<Appointment> appointments, List<HeadcountRecorded> headcounts) {
    return state(
        s.details(),
        s.registeredFrom(),
        s.status(),
        s.statusEffectiveFrom(),
        s.fees(),
        s.otherCosts(),
        appointments,
        headcounts,
        null);
  }

  private static ForumState positioned(ForumState s, EventMetadata meta) {
    return state(
        s.details(),
        s.registeredFrom(),
        s.status(),
        s.statusEffectiveFrom(),
        s.fees(),
        s.otherCosts(),
        s.appointments(),
        s.headcounts(),
        meta);
  }

  /** The one place a state is assembled; {@code meta} null means "position set afterwards". */
  private static ForumState state(
      ForumRegistered d,
      java.time.LocalDate registeredFrom,
      ForumStatus status,
      java.time.LocalDate statusEffectiveFrom,
      List<AnnualFeeSet> fees,
      List<OtherCostRecorded> otherCosts,
      List<Appointment> appointments,
      List<HeadcountRecorded> headcounts,
      EventMetadata meta) {
    return new ForumState(
        d,
        registeredFrom,
        status,
        statusEffectiveFrom,
        fees,
        otherCosts,
        appointments,
        headcounts,
        meta == null ? 0 : meta.sequenceNumber(),
        meta == null ? 0 : meta.globalPosition(),
        meta == null ? null : meta.recordedAt());
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
