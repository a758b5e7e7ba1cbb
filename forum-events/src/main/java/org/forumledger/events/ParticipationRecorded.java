package org.forumledger.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * One meeting of a forum that a body of the city took part in, as recorded after it happened: who
 * attended, the hours spent and what it cost besides. The other costs of a forum-year with such
 * records are derived from them and the year's {@link CostRatesRecorded} by {@link
 * ParticipationCost}. A later record with the same {@code participationId} replaces the earlier
 * (then {@code correction} is true); the history keeps both.
 *
 * @param participationId chosen by the registry when the meeting is first recorded
 * @param body who took part (KS or SLK; a unit once units exist, so read it as a name)
 * @param meetingDate the day of the meeting; its year is the cost year
 * @param attendeeCount how many took part; null when {@code appointmentIds} names them
 * @param appointmentIds the appointments ({@link RepresentativeAppointed#appointmentId}) that
 *     attended, empty when only a count is known
 * @param hours working hours of all who took part together, preparation included
 * @param travelSek travel (resekostnad), 0 for none
 * @param lodgingSek lodging (logi), 0 for none
 * @param perDiemSek per diem (traktamente), 0 for none
 * @param electedFeesSek fees paid to elected representatives (arvode), 0 for none
 * @param mode digital, physical or mixed
 */
@Revision("1")
public record ParticipationRecorded(
    String forumId,
    String participationId,
    Body body,
    LocalDate meetingDate,
    Integer attendeeCount,
    List<String> appointmentIds,
    BigDecimal hours,
    BigDecimal travelSek,
    BigDecimal lodgingSek,
    BigDecimal perDiemSek,
    BigDecimal electedFeesSek,
    MeetingMode mode,
    boolean correction)
    implements ForumEvent {

  public ParticipationRecorded {
    appointmentIds = appointmentIds == null ? List.of() : List.copyOf(appointmentIds);
  }

  /** The year whose costs the meeting belongs to. */
  public int year() {
    return meetingDate.getYear();
  }

  /** How many attended: the count, else the named appointments. */
  public int attendance() {
    return attendeeCount != null ? attendeeCount : appointmentIds.size();
  }
}
