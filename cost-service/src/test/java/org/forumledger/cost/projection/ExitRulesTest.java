package org.forumledger.cost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.Body;
import org.forumledger.events.CostStatus;
import org.forumledger.events.CourseOfAction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, exits priced: a review's decision to leave a forum in the projections (rule {@code
 * exit.review-decision}) and the saving of a review, each explained.
 */
class ExitRulesTest {

  static final ProjectionRules RULES = ProjectionRulesTest.PLAIN;
  static final String REVIEW = "oversyn-2024";
  static final ReviewFact THE_REVIEW =
      new ReviewFact(
          REVIEW,
          "Översyn av nätverk och samarbeten",
          new MandatePeriod(2023, 2026),
          "KS 2024-04-17 § 312",
          LocalDate.of(2024, 5, 2),
          Facts.event("review.ReviewOpened"));

  static CourseOfAction leave(String from) {
    return CourseOfAction.leave(LocalDate.parse(from));
  }

  @Nested
  class TheCityLeaves {

    @Test
    void onFirstJanuaryNoFeeAndNoOtherCostFromThatYearOnExplainedByTheDecision() {
      ForumFacts forum =
          Facts.forum("revast")
              .fixedFee(2023, null, "70000")
              .otherCost(2024, "5000", "1000")
              .decided(REVIEW, Body.KS, leave("2025-01-01"), "2024-11-20")
              .build();

      ForumYear before = RULES.projected(forum, 2024);
      ForumYear from = RULES.projected(forum, 2025);
      ForumYear later = RULES.projected(forum, 2026);

      assertThat(before.fee().amountSek()).isEqualByComparingTo("70000");
      assertThat(before.otherCost().amountSek()).isEqualByComparingTo("6000");
      for (ForumYear gone : List.of(from, later)) {
        for (Figure figure : List.of(gone.fee(), gone.otherCost())) {
          assertThat(figure.status()).isEqualTo(FigureStatus.NONE);
          assertThat(figure.amountSek()).isZero();
          assertThat(figure.rule()).isEqualTo(ProjectionRules.EXIT_REVIEW_DECISION);
          assertThat(figure.explanation())
              .contains("review " + REVIEW, "KS 2024-11-20 § 101", "2025-01-01");
          assertThat(figure.facts())
              .extracting(Provenance::eventType)
              .containsExactly("review.DecisionRecorded");
        }
      }
      // the registry's figures (the totals) do not read the review
      assertThat(RULES.actual(forum, 2025).fee().amountSek()).isEqualByComparingTo("70000");
    }

    @Test
    void midYearTheFeeOfTheYearBegunStandsAndEndsTheNextYear() {
      ForumFacts forum =
          Facts.forum("revast")
              .fixedFee(2023, null, "70000")
              .decided(REVIEW, Body.KS, leave("2025-07-01"), "2024-11-20")
              .build();

      Figure exitYear = RULES.projected(forum, 2025).fee();
      Figure next = RULES.projected(forum, 2026).fee();

      assertThat(exitYear.amountSek()).isEqualByComparingTo("70000");
      assertThat(exitYear.rule()).isEqualTo(ProjectionRules.FEE_RECURS);
      assertThat(exitYear.explanation())
          .contains("KS leaves from 2025-07-01", "due for the year begun");
      assertThat(next.status()).isEqualTo(FigureStatus.NONE);
      assertThat(next.rule()).isEqualTo(ProjectionRules.EXIT_REVIEW_DECISION);
    }

    @Test
    void aLaterContinueOnTheSameParticipationCancelsTheExit() {
      ForumFacts forum =
          Facts.forum("revast")
              .fixedFee(2023, null, "70000")
              .decided(REVIEW, Body.KS, leave("2025-01-01"), "2024-11-20")
              .decided("oversyn-2025", Body.KS, CourseOfAction.toContinue(), "2025-02-12")
              .build();

      Figure fee = RULES.projected(forum, 2026).fee();

      assertThat(fee.amountSek()).isEqualByComparingTo("70000");
      assertThat(fee.rule()).isEqualTo(ProjectionRules.FEE_RECURS);
      assertThat(forum.decisionsInForce())
          .extracting(d -> d.record().decision().kind())
          .containsExactly(CourseOfAction.Kind.CONTINUE);
    }
  }

  @Nested
  class UnitsRemain {

    @Test
    void feeAndRecordedOtherCostsStandAndSayWhichUnitsStillTakePart() {
      ForumFacts forum =
          Facts.forum("string")
              .fixedFee(2023, null, "70000")
              .otherCost(2024, "5000", "1000")
              .decided(REVIEW, Body.KS, leave("2025-01-01"), "2024-11-20", Body.SLK)
              .build();

      ForumYear year = RULES.projected(forum, 2026);

      assertThat(year.fee().amountSek()).isEqualByComparingTo("70000");
      assertThat(year.fee().explanation()).contains("SLK still takes part", "review " + REVIEW);
      assertThat(year.otherCost().amountSek()).isEqualByComparingTo("6000");
      assertThat(year.otherCost().explanation()).contains("SLK still takes part");
      assertThat(year.fee().facts())
          .extracting(Provenance::eventType)
          .contains("review.DecisionRecorded");
    }

    @Test
    void onlyTheLeavingUnitsMeetingsFromTheDateEndRecordedAndCarried() {
      // 300 SEK an hour: KS 2 h in March, KS 3 h and SLK 4 h in September
      ForumFacts forum =
          Facts.forum("string")
              .rates(2025, "300", "0")
              .meeting("p-1", Body.KS, "2025-03-01", "2")
              .meeting("p-2", Body.KS, "2025-09-01", "3")
              .meeting("p-3", Body.SLK, "2025-09-01", "4")
              .decided(REVIEW, Body.KS, leave("2025-07-01"), "2025-06-10", Body.SLK)
              .build();

      Figure recorded = RULES.projected(forum, 2025).otherCost();
      Figure carried = RULES.projected(forum, 2026).otherCost();

      assertThat(recorded.rule()).isEqualTo(ProjectionRules.OTHER_FROM_PARTICIPATION);
      assertThat(recorded.amountSek()).isEqualByComparingTo("1800");
      assertThat(recorded.explanation())
          .contains("1 meeting of KS not counted: KS leaves the forum from 2025-07-01");
      assertThat(RULES.actual(forum, 2025).otherCost().amountSek()).isEqualByComparingTo("2700");
      // carried into 2026, both of KS's meetings fall after its leave date; SLK's 4 h remain
      assertThat(carried.rule()).isEqualTo(ProjectionRules.OTHER_PARTICIPATION_CARRIED);
      assertThat(carried.amountSek()).isEqualByComparingTo("1200");
    }

    @Test
    void aCommitteesMeetingsArePricedAsItsOwnAndOnlyTheyEndWhenItLeaves() {
      // a registered committee (MKN) beside KS, 300 SEK an hour: MKN 2 h in March and 4 h in
      // September, KS 3 h in September
      Body mkn = Body.of("MKN");
      ForumFacts forum =
          Facts.forum("string")
              .rates(2025, "300", "0")
              .meeting("p-1", mkn, "2025-03-01", "2")
              .meeting("p-2", Body.KS, "2025-09-01", "3")
              .meeting("p-3", mkn, "2025-09-01", "4")
              .decided(REVIEW, mkn, leave("2025-07-01"), "2025-06-10", Body.KS)
              .build();

      Figure actual = RULES.actual(forum, 2025).otherCost();
      Figure projected = RULES.projected(forum, 2025).otherCost();

      assertThat(actual.amountSek()).isEqualByComparingTo("2700");
      assertThat(actual.explanation())
          .contains("2025-03-01 MKN", "2025-09-01 KS", "2025-09-01 MKN");
      assertThat(projected.amountSek()).isEqualByComparingTo("1500");
      assertThat(projected.explanation())
          .contains("2025-03-01 MKN", "2025-09-01 KS")
          .contains("1 meeting of MKN not counted: MKN leaves the forum from 2025-07-01");
    }

    @Test
    void notCalculatedStaysUnknownNeverZero() {
      // meetings without cost rates: not calculated, with or without the leaving unit's
      ForumFacts forum =
          Facts.forum("string")
              .meeting("p-1", Body.KS, "2025-09-01", "3")
              .meeting("p-2", Body.SLK, "2025-09-01", "4")
              .decided(REVIEW, Body.KS, leave("2025-07-01"), "2025-06-10", Body.SLK)
              .build();

      Figure other = RULES.projected(forum, 2025).otherCost();
      ReviewSavings.Year saving = savingsIn(RULES.savings(List.of(forum), THE_REVIEW), 2025);

      assertThat(other.status()).isEqualTo(FigureStatus.NOT_CALCULATED);
      assertThat(other.amountSek()).isNull();
      assertThat(saving.lines()).singleElement().satisfies(l -> assertThat(l.otherSek()).isNull());
      assertThat(saving.notCalculated()).isEqualTo(1);
      assertThat(saving.savingSek()).isZero();
    }
  }

  @Nested
  class Savings {

    @Test
    void theSavingIsTheFeesRemovedPerYearAndPerMandatePeriod() {
      ForumFacts leaving =
          Facts.forum("revast")
              .reference("2.1.1")
              .fixedFee(2023, null, "70000")
              .decided(REVIEW, Body.KS, leave("2025-01-01"), "2024-11-20")
              .build();
      ForumFacts staying =
          Facts.forum("kolv")
              .reference("2.1.2")
              .fixedFee(2023, null, "30000")
              .decided(REVIEW, Body.KS, CourseOfAction.toContinue(), "2024-11-20")
              .build();
      ForumFacts otherReview =
          Facts.forum("eccar")
              .reference("2.1.3")
              .fixedFee(2023, null, "16000")
              .decided("another", Body.KS, leave("2025-01-01"), "2024-11-20")
              .build();

      ReviewSavings savings = RULES.savings(List.of(leaving, staying, otherReview), THE_REVIEW);

      assertThat(savings.years())
          .extracting(ReviewSavings.Year::year)
          .startsWith(2023)
          .endsWith(2030);
      assertThat(savingsIn(savings, 2024).lines()).isEmpty();
      assertThat(savingsIn(savings, 2024).savingSek()).isZero();
      for (int year : List.of(2025, 2026, 2027)) {
        ReviewSavings.Year y = savingsIn(savings, year);
        assertThat(y.savingSek()).isEqualByComparingTo("70000");
        assertThat(y.lines())
            .singleElement()
            .satisfies(
                l -> {
                  assertThat(l.forum().forumId()).isEqualTo("revast");
                  assertThat(l.body()).isEqualTo(Body.KS);
                  assertThat(l.feeSek()).isEqualByComparingTo("70000");
                  assertThat(l.otherSek()).isZero();
                  assertThat(l.explanation())
                      .contains("70000 SEK without", ProjectionRules.EXIT_REVIEW_DECISION);
                });
      }
      assertThat(savings.periods())
          .extracting(p -> p.period().toString(), p -> p.savingSek().stripTrailingZeros())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("2023-2026", new BigDecimal("1.4E+5")),
              org.assertj.core.groups.Tuple.tuple("2027-2030", new BigDecimal("2.8E+5")));
      assertThat(savings.notCalculated()).isZero();
    }

    @Test
    void aFeeNotCalculatedMakesTheSavingUnknownWhileTheProjectionHasNone() {
      ForumFacts forum =
          Facts.forum("sns")
              .feeStatus(2023, CostStatus.NOT_CALCULATED, null)
              .decided(REVIEW, Body.KS, leave("2025-01-01"), "2024-11-20")
              .build();

      ReviewSavings savings = RULES.savings(List.of(forum), THE_REVIEW);

      assertThat(RULES.projected(forum, 2025).fee().status()).isEqualTo(FigureStatus.NONE);
      assertThat(savingsIn(savings, 2024).lines()).isEmpty();
      ReviewSavings.Line line = savingsIn(savings, 2025).lines().get(0);
      assertThat(line.feeSek()).isNull();
      assertThat(line.unknown()).isTrue();
      assertThat(savingsIn(savings, 2025).savingSek()).isZero();
      assertThat(savings.periods().get(0).notCalculated()).isEqualTo(1);
      assertThat(savings.notCalculated()).isEqualTo(1);
    }
  }

  static ReviewSavings.Year savingsIn(ReviewSavings savings, int year) {
    return savings.years().stream().filter(y -> y.year() == year).findFirst().orElseThrow();
  }
}
