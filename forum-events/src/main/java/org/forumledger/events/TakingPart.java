package org.forumledger.events;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The one rule for which units take part in a forum, shared by the registry (a review's scope, the
 * units remaining after a decision to leave) and the readers (overlaps, review progress). A unit
 * takes part in a span of days when, within it, it has an appointment that runs, a headcount above
 * zero or with an unknown count for one of its years, a meeting recorded and not withdrawn, or a
 * stated link of its participation to goals.
 */
public final class TakingPart {

  /** Units in code order. */
  public static final Comparator<Body> BY_CODE = Comparator.comparing(Body::code);

  private TakingPart() {}

  /** The units taking part at some time in the mandate period. */
  public static SortedSet<Body> inPeriod(
      List<? extends ForumEvent> forumEvents, MandatePeriod period) {
    return between(
        forumEvents, LocalDate.of(period.fromYear(), 1, 1), LocalDate.of(period.toYear(), 12, 31));
  }

  /** The units taking part at some time in the year. */
  public static SortedSet<Body> inYear(List<? extends ForumEvent> forumEvents, int year) {
    return between(forumEvents, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** The units taking part at some time from {@code first} to {@code last}, both included. */
  public static SortedSet<Body> between(
      List<? extends ForumEvent> forumEvents, LocalDate first, LocalDate last) {
    Map<String, RepresentativeAppointed> appointments = new HashMap<>();
    Map<String, LocalDate> appointmentsEnded = new HashMap<>();
    Map<String, HeadcountRecorded> headcounts = new HashMap<>();
    Map<String, ParticipationRecorded> meetings = new HashMap<>();
    Set<Body> linkedToGoals = new HashSet<>();
    for (ForumEvent event : forumEvents) {
      if (event instanceof RepresentativeAppointed e) {
        appointments.put(e.appointmentId(), e);
      } else if (event instanceof AppointmentEnded e) {
        appointmentsEnded.put(e.appointmentId(), e.endedOn());
      } else if (event instanceof HeadcountRecorded e) {
        headcounts.put(e.year() + "/" + e.body().code(), e);
      } else if (event instanceof ParticipationRecorded e) {
        meetings.put(e.participationId(), e);
      } else if (event instanceof ParticipationWithdrawn e) {
        meetings.remove(e.participationId());
      } else if (event instanceof ForumGoalsLinked e) {
        linkedToGoals.add(e.body());
      }
    }
    SortedSet<Body> units = new TreeSet<>(BY_CODE);
    appointments.values().stream()
        .filter(a -> runsWithin(a, appointmentsEnded.get(a.appointmentId()), first, last))
        .forEach(a -> units.add(a.body()));
    headcounts.values().stream()
        .filter(h -> h.year() >= first.getYear() && h.year() <= last.getYear())
        .filter(h -> h.countUnknown() || h.headcount().max() > 0)
        .forEach(h -> units.add(h.body()));
    meetings.values().stream()
        .filter(m -> !m.meetingDate().isBefore(first) && !m.meetingDate().isAfter(last))
        .forEach(m -> units.add(m.body()));
    units.addAll(linkedToGoals);
    return units;
  }

  private static boolean runsWithin(
      RepresentativeAppointed appointment, LocalDate endedOn, LocalDate first, LocalDate last) {
    LocalDate to = appointment.validTo();
    if (endedOn != null && (to == null || endedOn.isBefore(to))) {
      to = endedOn;
    }
    return (appointment.validFrom() == null || !appointment.validFrom().isAfter(last))
        && (to == null || !to.isBefore(first));
  }
}
