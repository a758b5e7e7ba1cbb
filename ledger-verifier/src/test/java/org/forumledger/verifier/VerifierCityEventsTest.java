package org.forumledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;

import java.nio.file.Path;
import java.util.List;
import org.forumledger.events.Body;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.Necessity;
import org.forumledger.events.ParticipationRef;
import org.forumledger.events.UnitKind;
import org.forumledger.events.testing.CityFacts;
import org.forumledger.events.testing.EventBuilder;
import org.forumledger.events.testing.TestKeys;
import org.forumledger.verifier.chain.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit export that holds units, goals, goal links and a review round (issue 14) verifies like
 * any other: every line is an event of the contract, sealed in its place, and the facts beside the
 * forums leave the recomputed totals alone.
 */
class VerifierCityEventsTest {

  @TempDir Path dir;

  @Test
  void anExportWithUnitsGoalsAndAReviewIsIntactAndKeepsItsTotals() throws Exception {
    SealedHistory history = new SealedHistory();
    ParticipationRef ks = new ParticipationRef("f-1", Body.KS);
    List<EventBuilder<?, ?>> events =
        List.of(
            forum("f-1").registered().effective("2023-01-01"),
            forum("f-1").fee(2023).amount("10000"),
            forum("f-1").headcount(2023, Body.KS).people(2, 2),
            CityFacts.unit("MKN", "miljö- och klimatnämnden", UnitKind.COMMITTEE),
            CityFacts.goal("kompetensforsorjning-2023", "Kompetensförsörjning"),
            forum("f-1").goalsLinked(Body.KS, "kompetensforsorjning-2023"),
            CityFacts.reviewOpened("r-1", "2024-05-06", List.of(ks)),
            CityFacts.assessed("r-1", ks, Necessity.NECESSARY, CourseOfAction.toContinue())
                .by("reviewer-anna"),
            CityFacts.decided("r-1", ks, CourseOfAction.toContinue(), "2024-11-20"),
            CityFacts.reviewClosed("r-1", "2024-12-01"));
    events.forEach(history::add);

    VerificationReport report = Verifier.verify(history.write(dir), TestKeys.ring());

    assertThat(report.intact()).as("%s", report.failures()).isTrue();
    assertThat(report.linesChecked()).isEqualTo(10);
    assertThat(report.unknownTypes()).isZero();
    assertThat(report.failures()).noneMatch(f -> f.problem() == Problem.NOT_AN_EVENT);
    assertThat(report.years().get(2023).fees()).isEqualByComparingTo("10000");
    assertThat(report.years().get(2023).forums()).isEqualTo(1);
  }
}
