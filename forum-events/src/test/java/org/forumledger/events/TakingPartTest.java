package org.forumledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TakingPartTest {

  static final String FORUM = "f-1";
  static final Body MKN = Body.of("MKN");
  static final MandatePeriod PERIOD = new MandatePeriod(2023, 2026);

  static RepresentativeAppointed appointed(String id, Body body, LocalDate from, LocalDate to) {
    return new RepresentativeAppointed(FORUM, id, "Namn " + id, body, Role.LEDAMOT, from, to);
  }

  static ParticipationRecorded meeting(String id, Body body, LocalDate day) {
    return new ParticipationRecorded(
        FORUM, id, body, day, 0, List.of(), BigDecimal.ONE, null, null, null, null, null, false);
  }

  @Test
  void anAppointmentRunningInThePeriodMakesItsUnitTakePart() {
    List<ForumEvent> events =
        List.of(appointed("a", Body.KS, LocalDate.of(2023, 1, 1), LocalDate.of(2026, 12, 31)));

    assertThat(TakingPart.inPeriod(events, PERIOD)).containsExactly(Body.KS);
    assertThat(TakingPart.inYear(events, 2027)).isEmpty();
  }

  @Test
  void anAppointmentEndedBeforeTheYearDoesNot() {
    List<ForumEvent> events =
        List.of(
            appointed("a", Body.KS, LocalDate.of(2023, 1, 1), null),
            new AppointmentEnded(FORUM, "a", LocalDate.of(2023, 6, 30)));

    assertThat(TakingPart.inYear(events, 2023)).containsExactly(Body.KS);
    assertThat(TakingPart.inYear(events, 2024)).isEmpty();
  }

  @Test
  void aHeadcountOfNoneDoesNotButAnUnknownCountDoes() {
    List<ForumEvent> events =
        List.of(
            new HeadcountRecorded(FORUM, 2023, Body.SLK, CountRange.exactly(0), "0"),
            new HeadcountRecorded(FORUM, 2023, Body.KS, null, "2 per forum"));

    assertThat(TakingPart.inYear(events, 2023)).containsExactly(Body.KS);
  }

  @Test
  void aLaterHeadcountForTheSameYearReplacesTheEarlier() {
    List<ForumEvent> events =
        List.of(
            new HeadcountRecorded(FORUM, 2023, Body.SLK, new CountRange(1, 2), "1-2"),
            new HeadcountRecorded(FORUM, 2023, Body.SLK, CountRange.exactly(0), "0"));

    assertThat(TakingPart.inYear(events, 2023)).isEmpty();
  }

  @Test
  void aRecordedMeetingCountsUntilItIsWithdrawnAndUnitsComeInCodeOrder() {
    List<ForumEvent> events =
        List.of(
            meeting("m1", MKN, LocalDate.of(2024, 3, 1)),
            meeting("m2", Body.SLK, LocalDate.of(2024, 4, 1)),
            new ParticipationWithdrawn(FORUM, "m2"),
            new ForumGoalsLinked(FORUM, Body.KS, List.of("g"), "benefit", false));

    assertThat(TakingPart.inPeriod(events, PERIOD)).containsExactly(Body.KS, MKN);
  }
}
