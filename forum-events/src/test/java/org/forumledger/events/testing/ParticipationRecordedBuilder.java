package org.forumledger.events.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.Body;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.ParticipationRecorded;

/**
 * A {@link ParticipationRecorded}: one KS attendee, 2 hours, digital, no expenses unless told,
 * effective on its meeting date.
 */
public final class ParticipationRecordedBuilder
    extends EventBuilder<ParticipationRecorded, ParticipationRecordedBuilder> {

  private final String participationId;
  private LocalDate meetingDate = LocalDate.of(2023, 3, 14);
  private Body body = Body.KS;
  private Integer attendeeCount = 1;
  private List<String> appointmentIds = List.of();
  private BigDecimal hours = new BigDecimal("2");
  private BigDecimal travel = BigDecimal.ZERO;
  private BigDecimal lodging = BigDecimal.ZERO;
  private BigDecimal perDiem = BigDecimal.ZERO;
  private BigDecimal electedFees = BigDecimal.ZERO;
  private MeetingMode mode = MeetingMode.DIGITAL;
  private boolean correction;

  ParticipationRecordedBuilder(String forumId, String participationId) {
    super(forumId);
    this.participationId = participationId;
  }

  public ParticipationRecordedBuilder on(String meetingDate) {
    this.meetingDate = LocalDate.parse(meetingDate);
    return this;
  }

  public ParticipationRecordedBuilder body(Body body) {
    this.body = body;
    return this;
  }

  public ParticipationRecordedBuilder attendees(int count) {
    this.attendeeCount = count;
    this.appointmentIds = List.of();
    return this;
  }

  public ParticipationRecordedBuilder appointments(String... appointmentIds) {
    this.attendeeCount = null;
    this.appointmentIds = List.of(appointmentIds);
    return this;
  }

  public ParticipationRecordedBuilder hours(String hours) {
    this.hours = new BigDecimal(hours);
    return this;
  }

  public ParticipationRecordedBuilder expenses(
      String travel, String lodging, String perDiem, String electedFees) {
    this.travel = new BigDecimal(travel);
    this.lodging = new BigDecimal(lodging);
    this.perDiem = new BigDecimal(perDiem);
    this.electedFees = new BigDecimal(electedFees);
    return this;
  }

  public ParticipationRecordedBuilder mode(MeetingMode mode) {
    this.mode = mode;
    return this;
  }

  public ParticipationRecordedBuilder correction() {
    this.correction = true;
    return this;
  }

  @Override
  protected LocalDate naturalDate() {
    return meetingDate;
  }

  @Override
  public ParticipationRecorded payload() {
    return new ParticipationRecorded(
        forumId,
        participationId,
        body,
        meetingDate,
        attendeeCount,
        appointmentIds,
        hours,
        travel,
        lodging,
        perDiem,
        electedFees,
        mode,
        correction);
  }
}
