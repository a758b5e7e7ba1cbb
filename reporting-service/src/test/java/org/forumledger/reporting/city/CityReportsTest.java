package org.forumledger.reporting.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;
import static org.forumledger.reporting.support.Events.registered;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.forumledger.events.Body;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.MandatePeriod;
import org.forumledger.events.Necessity;
import org.forumledger.events.ParticipationAssessed;
import org.forumledger.events.ParticipationRef;
import org.forumledger.events.UnitKind;
import org.forumledger.events.testing.CityFacts;
import org.forumledger.events.testing.EventStream;
import org.forumledger.events.testing.GivenEvent;
import org.forumledger.reporting.history.ForumFold;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.TimeSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report computations on a small city: alpha (area A, GR) with a KS appointment, beta (area A,
 * GR) with SLK staff, gamma (area B, SKR) with both; a review of four participations, two assessed;
 * two goals, one linked.
 */
class CityReportsTest {

  private static final MandatePeriod PERIOD = CityFacts.PERIOD_2023;
  private static final ParticipationRef ALPHA_KS = new ParticipationRef("alpha", Body.KS);
  private static final ParticipationRef BETA_SLK = new ParticipationRef("beta", Body.SLK);
  private static final ParticipationRef GAMMA_KS = new ParticipationRef("gamma", Body.KS);
  private static final ParticipationRef GAMMA_SLK = new ParticipationRef("gamma", Body.SLK);

  private EventStream e;
  private List<EventEnvelope> events;

  @BeforeEach
  void city() {
    e = new EventStream(1);
    events = new ArrayList<>();
    add(registered("alpha", "2.1.1", "Alpha", "A", "GR"), "2024-01-10T08:00:00Z", "2023-01-01");
    add(registered("beta", "2.1.2", "Beta", "A", "GR"), "2024-01-10T08:00:00Z", "2023-01-01");
    add(registered("gamma", "2.2.1", "Gamma", "B", "SKR"), "2024-01-10T08:00:00Z", "2023-01-01");
    add(
        forum("alpha")
            .appointed("a-1")
            .person("Anna")
            .of(Body.KS)
            .valid("2023-01-01", "2026-12-31"),
        "2024-01-10T08:00:00Z",
        null);
    add(forum("beta").headcount(2023, Body.SLK).people(1, 2), "2024-01-10T08:00:00Z", null);
    add(forum("gamma").headcount(2023, Body.SLK).people(1, 1), "2024-01-10T08:00:00Z", null);
    add(forum("gamma").headcount(2023, Body.KS).people(2, 2), "2024-01-10T08:00:00Z", null);
    add(
        CityFacts.unit("MKN", "miljö- och klimatnämnden", UnitKind.COMMITTEE),
        "2024-01-11T08:00:00Z",
        "2024-01-01");
    add(CityFacts.goal("kompetens", "Kompetensförsörjning"), "2024-01-11T08:00:00Z", "2023-01-01");
    add(CityFacts.goal("klimat", "Klimat"), "2024-01-11T08:00:00Z", "2023-01-01");
    add(
        CityFacts.reviewOpened(
            "r-1", "2024-05-06", List.of(ALPHA_KS, BETA_SLK, GAMMA_KS, GAMMA_SLK)),
        "2024-05-06T08:00:00Z",
        "2024-05-06");
    add(
        assessment(ALPHA_KS, Necessity.NECESSARY, List.of(), false).by("anna"),
        "2024-06-03T10:00:00Z",
        "2024-06-03");
    add(
        assessment(GAMMA_SLK, Necessity.NOT_NECESSARY, List.of(), false).by("bo"),
        "2024-06-04T10:00:00Z",
        "2024-06-04");
  }

  private void add(
      org.forumledger.events.testing.EventBuilder<?, ?> event, String at, String effective) {
    events.add(e.envelope(event, at, effective));
  }

  private static GivenEvent<ParticipationAssessed> assessment(
      ParticipationRef ref, Necessity necessity, List<String> goals, boolean correction) {
    return GivenEvent.of(
        new ParticipationAssessed(
            "r-1",
            ref,
            necessity,
            "because " + necessity,
            goals,
            necessity == Necessity.NECESSARY
                ? CourseOfAction.toContinue()
                : CourseOfAction.leave(LocalDate.of(2025, 1, 1)),
            correction));
  }

  private City now() {
    return CityFold.fold(events, TimeSlice.CURRENT);
  }

  private Map<String, ForumState> forums() {
    return ForumFold.fold(events, TimeSlice.CURRENT);
  }

  @Test
  void progressCountsAssessedAndMissingByAreaAndByUnit() {
    CityReports.Progress p = CityReports.progress(now().reviews().get("r-1"), forums());

    assertThat(p.total()).isEqualTo(4);
    assertThat(p.assessedCount()).isEqualTo(2);
    assertThat(p.notAssessedCount()).isEqualTo(2);
    assertThat(p.byArea()).extracting(CityReports.ProgressGroup::key).containsExactly("A", "B");
    CityReports.ProgressGroup a = p.byArea().get(0);
    assertThat(a.total()).isEqualTo(2);
    assertThat(a.assessed()).extracting(CityReports.ProgressItem::forumId).containsExactly("alpha");
    assertThat(a.notAssessed())
        .extracting(CityReports.ProgressItem::forumId)
        .containsExactly("beta");
    CityReports.ProgressGroup ks = p.byUnit().get(0);
    assertThat(ks.key()).isEqualTo("KS");
    assertThat(ks.assessedCount()).isEqualTo(1);
    assertThat(ks.notAssessed())
        .extracting(CityReports.ProgressItem::forumId)
        .containsExactly("gamma");
    CityReports.ProgressGroup slk = p.byUnit().get(1);
    assertThat(slk.key()).isEqualTo("SLK");
    assertThat(slk.assessed())
        .extracting(CityReports.ProgressItem::forumId)
        .containsExactly("gamma");
    assertThat(slk.notAssessed())
        .extracting(CityReports.ProgressItem::forumId)
        .containsExactly("beta");
  }

  @Test
  void aReviewAsKnownBeforeACorrectionSaysWhatItSaidThen() {
    add(
        assessment(ALPHA_KS, Necessity.UNCERTAIN, List.of(), true).by("bo"),
        "2024-09-02T10:00:00Z",
        "2024-06-03");

    City.Participation before =
        CityFold.fold(events, new TimeSlice(null, Instant.parse("2024-07-01T00:00:00Z")))
            .reviews()
            .get("r-1")
            .scope()
            .get(0);
    City.Participation after = now().reviews().get("r-1").scope().get(0);
    City.Review beforeTheAssessments =
        CityFold.fold(events, new TimeSlice(LocalDate.parse("2024-05-31"), null))
            .reviews()
            .get("r-1");

    assertThat(before.assessment().necessity()).isEqualTo(Necessity.NECESSARY);
    assertThat(before.assessment().assessedBy()).isEqualTo("anna");
    assertThat(after.assessment().necessity()).isEqualTo(Necessity.UNCERTAIN);
    assertThat(after.assessment().assessedBy()).isEqualTo("bo");
    assertThat(after.assessmentsRecorded()).isEqualTo(2);
    assertThat(beforeTheAssessments.assessed()).isEmpty();
    assertThat(beforeTheAssessments.missing()).hasSize(4);
    assertThat(CityFold.fold(events, new TimeSlice(LocalDate.parse("2024-05-05"), null)).reviews())
        .isEmpty();
  }

  @Test
  void overlapsAreTheSameForumBySeveralUnitsAndOneConvenersAreaByDifferentUnits() {
    CityReports.Overlaps o = CityReports.overlaps(now(), forums(), 2023);

    assertThat(o.sameForum()).extracting(CityReports.ForumUnits::forumId).containsExactly("gamma");
    assertThat(o.sameForum().get(0).units()).containsExactly(Body.KS, Body.SLK);
    assertThat(o.sameConvener()).hasSize(1);
    assertThat(o.sameConvener().get(0).convener()).isEqualTo("GR");
    assertThat(o.sameConvener().get(0).units()).containsExactly(Body.KS, Body.SLK);
    assertThat(o.sameConvener().get(0).forums())
        .extracting(CityReports.ForumUnits::forumId)
        .containsExactly("alpha", "beta");

    add(
        forum("alpha").participation("m-1").on("2023-03-14").body(Body.of("MKN")),
        "2024-02-01T08:00:00Z",
        null);
    CityReports.Overlaps joined = CityReports.overlaps(now(), forums(), 2023);

    assertThat(joined.sameForum())
        .extracting(CityReports.ForumUnits::forumId)
        .containsExactly("alpha", "gamma");
    assertThat(joined.sameForum().get(0).units()).containsExactly(Body.KS, Body.of("MKN"));
    assertThat(CityReports.overlaps(now(), forums(), 2022).sameForum()).isEmpty();
  }

  @Test
  void aGoalIsCoveredOnceALinkOrAnAssessmentNamesIt() {
    CityReports.GoalCoverage before = CityReports.goalCoverage(now(), forums(), PERIOD);
    assertThat(before.uncovered()).containsExactly("klimat", "kompetens");
    assertThat(before.forumsLinkedToNoGoal())
        .extracting(CityReports.ForumUnits::forumId)
        .containsExactly("alpha", "beta", "gamma");

    add(forum("beta").goalsLinked(Body.SLK, "kompetens"), "2024-06-10T08:00:00Z", null);
    add(
        assessment(GAMMA_KS, Necessity.NECESSARY, List.of("klimat"), false).by("anna"),
        "2024-06-11T08:00:00Z",
        null);
    CityReports.GoalCoverage after = CityReports.goalCoverage(now(), forums(), PERIOD);

    assertThat(after.uncovered()).isEmpty();
    assertThat(after.goals())
        .filteredOn(g -> g.goalId().equals("kompetens"))
        .singleElement()
        .satisfies(
            g ->
                assertThat(g.servedBy())
                    .containsExactly(new CityReports.Service("beta", Body.SLK, "goal-link", null)));
    assertThat(after.goals())
        .filteredOn(g -> g.goalId().equals("klimat"))
        .singleElement()
        .satisfies(
            g ->
                assertThat(g.servedBy())
                    .containsExactly(
                        new CityReports.Service("gamma", Body.KS, "assessment", "r-1")));
    assertThat(after.forumsLinkedToNoGoal())
        .extracting(CityReports.ForumUnits::forumId)
        .containsExactly("alpha");
    assertThat(CityReports.goalCoverage(now(), forums(), new MandatePeriod(2027, 2030)).goals())
        .isEmpty();
  }

  @Test
  void unitsAreKsAndSlkOfTheInventoryAndTheRegisteredOnesWithTheirForums() {
    List<CityReports.UnitRow> units = CityReports.units(now());

    assertThat(units).extracting(CityReports.UnitRow::code).containsExactly("KS", "MKN", "SLK");
    assertThat(units.get(0).registered()).isFalse();
    assertThat(units.get(0).ofTheInventory2023()).isTrue();
    assertThat(units.get(0).forumsTakingPart()).isEqualTo(2); // alpha, gamma
    assertThat(units.get(1).name()).isEqualTo("miljö- och klimatnämnden");
    assertThat(units.get(1).forumsTakingPart()).isZero();
    assertThat(units.get(2).forumsTakingPart()).isEqualTo(2); // beta, gamma
  }

  @Test
  void theOutcomeHasOneRowPerParticipationInEveryFormat() throws IOException {
    add(
        CityFacts.decided(
            "r-1",
            GAMMA_SLK,
            CourseOfAction.leave(LocalDate.of(2025, 1, 1)),
            "2024-11-20",
            Body.KS),
        "2024-11-20T12:00:00Z",
        null);
    City city = now();
    CityReports.Outcome outcome =
        CityReports.outcome(city.reviews().get("r-1"), city, forums(), null, null);

    assertThat(outcome.rows())
        .extracting(r -> r.forumId() + "/" + r.unit())
        .containsExactly("alpha/KS", "beta/SLK", "gamma/KS", "gamma/SLK");
    String csv = new String(OutcomeRenderer.csv(outcome), StandardCharsets.UTF_8);
    assertThat(csv.lines()).hasSize(5);
    assertThat(csv.lines().toList().get(4))
        .isEqualTo(
            "2.2.1,Gamma,B,SLK,Inte nödvändigt,because NOT_NECESSARY,,Lämna från 2025-01-01,"
                + "Lämna från 2025-01-01,KS 2024-11-20 § 1,2024-11-20,bo");
    String html = new String(OutcomeRenderer.html(outcome), StandardCharsets.UTF_8);
    assertThat(html.split("<tr class=\"participation\">", -1)).hasSize(5);
    assertThat(html).contains("<td>Alpha</td><td>A</td><td>KS</td><td>Nödvändigt</td>");
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(OutcomeRenderer.xlsx(outcome)))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(4);
      assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Bedömning");
      assertThat(sheet.getRow(4).getCell(9).getStringCellValue()).isEqualTo("KS 2024-11-20 § 1");
      assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEmpty();
    }
  }
}
