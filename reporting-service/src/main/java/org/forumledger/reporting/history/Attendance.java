package org.forumledger.reporting.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.forumledger.events.ParticipationRecorded;

/**
 * Attendance in one year from the recorded meetings: per forum, the meetings recorded, those
 * attended (attendance above zero), the attendees and the hours; and the forums taking part that
 * year with no recorded attendance at all, candidates for the review. A forum is listed when it
 * counts in the year or has a meeting recorded in it; forums in the report's order of sections.
 *
 * @param withoutAttendance the listed forums that count in the year and have no meeting attended
 */
public record Attendance(
    int year, long position, List<ForumYear> forums, List<ForumYear> withoutAttendance) {

  /**
   * One forum's year.
   *
   * @param attendees the attendance of all its meetings together (a person at two meetings counts
   *     twice)
   * @param hours all attendees' hours together, preparation included
   */
  public record ForumYear(
      String forumId,
      String inventoryReference,
      String name,
      String area,
      boolean counted,
      int meetingsRecorded,
      int meetingsAttended,
      int attendees,
      BigDecimal hours) {

    public boolean attended() {
      return meetingsAttended > 0;
    }
  }

  public static Attendance of(Collection<ForumState> states, int year, long position) {
    List<ForumYear> forums = new ArrayList<>();
    for (ForumState forum : states) {
      List<ParticipationRecorded> meetings = forum.participationsIn(year);
      boolean counted = forum.countsIn(year);
      if (!counted && meetings.isEmpty()) {
        continue;
      }
      int attended = 0;
      int attendees = 0;
      BigDecimal hours = BigDecimal.ZERO;
      for (ParticipationRecorded meeting : meetings) {
        if (meeting.attendance() > 0) {
          attended++;
        }
        attendees += meeting.attendance();
        hours = hours.add(meeting.hours() == null ? BigDecimal.ZERO : meeting.hours());
      }
      forums.add(
          new ForumYear(
              forum.forumId(),
              forum.details().inventoryReference(),
              forum.details().name(),
              forum.details().area(),
              counted,
              meetings.size(),
              attended,
              attendees,
              hours));
    }
    forums.sort(
        Comparator.comparing(
                ForumYear::inventoryReference, Comparator.nullsLast(InventoryReference.ORDER))
            .thenComparing(ForumYear::forumId));
    List<ForumYear> without = forums.stream().filter(f -> f.counted() && !f.attended()).toList();
    return new Attendance(year, position, List.copyOf(forums), without);
  }
}
