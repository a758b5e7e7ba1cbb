package org.forumledger.events.testing;

import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.AnnualFeeWithdrawn;
import org.forumledger.events.Body;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.ForumGoalsLinked;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.Necessity;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.ParticipationRef;
import org.forumledger.events.ParticipationWithdrawn;
import org.forumledger.events.UnitKind;

/**
 * Where a test starts building events of one forum: {@code
 * ForumEvents.forum("revast").registered().named("Reväst").inArea("Regional utveckling")}, then
 * {@code stream.append(...)} for its envelope. Every payload field has a plain default, so a test
 * names only what it is about.
 */
public final class ForumEvents {

  private final String forumId;

  private ForumEvents(String forumId) {
    this.forumId = forumId;
  }

  public static ForumEvents forum(String forumId) {
    return new ForumEvents(forumId);
  }

  public ForumRegisteredBuilder registered() {
    return new ForumRegisteredBuilder(forumId);
  }

  public ForumDetailsRevisedBuilder detailsRevised() {
    return new ForumDetailsRevisedBuilder(forumId);
  }

  public ForumReclassifiedBuilder reclassified() {
    return new ForumReclassifiedBuilder(forumId);
  }

  public ForumStatusChangedBuilder status(ForumStatus status) {
    return new ForumStatusChangedBuilder(forumId, status);
  }

  public RepresentativeAppointedBuilder appointed(String appointmentId) {
    return new RepresentativeAppointedBuilder(forumId, appointmentId);
  }

  public AppointmentEndedBuilder appointmentEnded(String appointmentId) {
    return new AppointmentEndedBuilder(forumId, appointmentId);
  }

  public HeadcountRecordedBuilder headcount(int year, Body body) {
    return new HeadcountRecordedBuilder(forumId, year, body);
  }

  public AnnualFeeSetBuilder fee(int fromYear) {
    return new AnnualFeeSetBuilder(forumId, fromYear);
  }

  /** The fee from a year on withdrawn; effective from 1 January of that year. */
  public GivenEvent<AnnualFeeWithdrawn> feeWithdrawn(int fromYear) {
    return new GivenEvent<>(
        new AnnualFeeWithdrawn(forumId, fromYear), LocalDate.of(fromYear, 1, 1));
  }

  public OtherCostRecordedBuilder otherCost(int year) {
    return new OtherCostRecordedBuilder(forumId, year);
  }

  /** A year's other costs withdrawn; effective from 1 January of that year. */
  public GivenEvent<OtherCostWithdrawn> otherCostWithdrawn(int year) {
    return new GivenEvent<>(new OtherCostWithdrawn(forumId, year), LocalDate.of(year, 1, 1));
  }

  /** A meeting recorded under {@code participationId}; see {@link ParticipationRecordedBuilder}. */
  public ParticipationRecordedBuilder participation(String participationId) {
    return new ParticipationRecordedBuilder(forumId, participationId);
  }

  /** A recorded meeting withdrawn; effective on the day given. */
  public GivenEvent<ParticipationWithdrawn> participationWithdrawn(
      String participationId, String meetingDate) {
    return new GivenEvent<>(
        new ParticipationWithdrawn(forumId, participationId), LocalDate.parse(meetingDate));
  }

  /** The unit's participation serves these goals, with a stated benefit for residents. */
  public GivenEvent<ForumGoalsLinked> goalsLinked(Body body, String... goalIds) {
    return GivenEvent.of(
        new ForumGoalsLinked(forumId, body, List.of(goalIds), "benefit for residents", false));
  }

  /** One builder of every event this class can build, with their defaults. */
  public List<EventBuilder<?, ?>> everyKind() {
    return List.of(
        registered(),
        detailsRevised(),
        reclassified(),
        status(ForumStatus.PAUSED),
        appointed("a-1"),
        appointmentEnded("a-1"),
        headcount(2023, Body.KS),
        fee(2023),
        feeWithdrawn(2023),
        otherCost(2023),
        otherCostWithdrawn(2023),
        participation("p-1"),
        participationWithdrawn("p-1", "2023-03-14"),
        goalsLinked(Body.SLK, "kompetensforsorjning-2023"),
        CostRatesRecordedBuilder.rates(2023),
        CityFacts.unit("MKN", "miljö- och klimatnämnden", UnitKind.COMMITTEE),
        CityFacts.unitEnded("MKN", "miljö- och klimatnämnden", UnitKind.COMMITTEE, "2030-12-31"),
        CityFacts.goal("kompetensforsorjning-2023", "Kompetensförsörjning"),
        CityFacts.goalRevised("kompetensforsorjning-2023", "Kompetensförsörjning", "KF 2023"),
        CityFacts.reviewOpened(
            "r-1", "2024-05-06", List.of(new ParticipationRef(forumId, Body.KS))),
        CityFacts.assessed(
            "r-1",
            new ParticipationRef(forumId, Body.KS),
            Necessity.NOT_NECESSARY,
            CourseOfAction.leave(LocalDate.of(2025, 1, 1))),
        CityFacts.decided(
            "r-1",
            new ParticipationRef(forumId, Body.KS),
            CourseOfAction.leave(LocalDate.of(2025, 1, 1)),
            "2024-11-20"),
        CityFacts.reviewClosed("r-1", "2024-12-01"));
  }
}
