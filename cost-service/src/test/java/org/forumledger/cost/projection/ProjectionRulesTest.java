package org.forumledger.cost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostStatus;
import org.forumledger.events.ForumStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProjectionRulesTest {

  static RuleSettings settings(
      Map<Integer, Long> population,
      Map<Integer, BigDecimal> eur,
      Map<Integer, BigDecimal> salaryIndex) {
    return new RuleSettings(
        List.of(
            new MandatePeriod(2019, 2022),
            new MandatePeriod(2023, 2026),
            new MandatePeriod(2027, 2030)),
        new TreeMap<>(population),
        Map.of("EUR", new TreeMap<>(eur)),
        new TreeMap<>(salaryIndex));
  }

  static final ProjectionRules PLAIN = new ProjectionRules(settings(Map.of(), Map.of(), Map.of()));

  @Nested
  class Fees {

    @Test
    void aFeeEndsWithItsAgreement() {
      // Kolv: 2019–2024, then nothing unless a new agreement is recorded
      ForumFacts kolv = Facts.forum("kolv").fixedFee(2019, 2024, "2390000").build();

      Figure lastYear = PLAIN.projected(kolv, 2024).fee();
      Figure after = PLAIN.projected(kolv, 2025).fee();

      assertThat(lastYear.status()).isEqualTo(FigureStatus.AMOUNT);
      assertThat(lastYear.amountSek()).isEqualByComparingTo("2390000");
      assertThat(lastYear.certainty()).isEqualTo(Certainty.ACTUAL);
      assertThat(after.status()).isEqualTo(FigureStatus.NONE);
      assertThat(after.amountSek()).isZero();
      assertThat(after.certainty()).isEqualTo(Certainty.PROJECTED);
      assertThat(after.rule()).isEqualTo(ProjectionRules.FEE_ENDED);
      assertThat(after.facts())
          .extracting(Provenance::eventType)
          .containsExactly("forum.AnnualFeeSet");
    }

    @Test
    void anOpenEndedFixedFeeRecursWhileTheForumIsActive() {
      ForumFacts reväst = Facts.forum("revast").fixedFee(2023, null, "70000").build();

      Figure next = PLAIN.projected(reväst, 2027).fee();

      assertThat(next.amountSek()).isEqualByComparingTo("70000");
      assertThat(next.certainty()).isEqualTo(Certainty.PROJECTED);
      assertThat(next.rule()).isEqualTo(ProjectionRules.FEE_RECURS);
      assertThat(PLAIN.projected(reväst, 2023).fee().certainty()).isEqualTo(Certainty.ACTUAL);
    }

    @Test
    void aEurFeeIsConvertedAtTheConfiguredRateOfEachYear() {
      // ECCAR: 1 500 EUR a year
      ProjectionRules rules =
          new ProjectionRules(
              settings(
                  Map.of(),
                  Map.of(2024, new BigDecimal("11.43"), 2025, new BigDecimal("11.20")),
                  Map.of()));
      ForumFacts eccar = Facts.forum("eccar").eurFee(2023, null, "1500", "11.50").build();

      ForumYear recorded = rules.projected(eccar, 2023);
      ForumYear y2024 = rules.projected(eccar, 2024);
      ForumYear y2026 = rules.projected(eccar, 2026);

      assertThat(recorded.fee().amountSek()).isEqualByComparingTo("17250.00");
      assertThat(recorded.fee().certainty()).isEqualTo(Certainty.ACTUAL);
      assertThat(y2024.fee().amountSek()).isEqualTo(new BigDecimal("17145.00"));
      assertThat(y2024.feeTerms().exchangeRate()).isEqualByComparingTo("11.43");
      assertThat(y2024.feeTerms().currency()).isEqualTo("EUR");
      assertThat(y2024.fee().rule()).isEqualTo(ProjectionRules.FEE_FOREIGN_CURRENCY);
      assertThat(y2024.fee().settings())
          .containsExactly(new SettingUsed("rate.EUR.2024", new BigDecimal("11.43")));
      // no rate configured for 2026: the latest earlier one carries on
      assertThat(y2026.fee().amountSek()).isEqualTo(new BigDecimal("16800.00"));
      assertThat(y2026.fee().settings())
          .extracting(SettingUsed::key)
          .containsExactly("rate.EUR.2025");
    }

    @Test
    void eccarKeepsThePrintedSekFigureIn2023AndAppliesAConfiguredRateLaterElseTheImpliedOne() {
      // ECCAR as the 2023 report prints it: 1 500 EUR, 16 tkr, no rate stated
      ProjectionRules rules =
          new ProjectionRules(settings(Map.of(), Map.of(2024, new BigDecimal("11.43")), Map.of()));
      ForumFacts eccar = Facts.forum("eccar").eurFeeWithSek(2023, null, "1500", "16000").build();

      Figure actual2023 = rules.actual(eccar, 2023).fee();
      Figure projected2023 = rules.projected(eccar, 2023).fee();
      ForumYear configured2024 = rules.projected(eccar, 2024);
      ForumYear implied2025 = PLAIN.projected(eccar, 2025);

      assertThat(actual2023.amountSek()).isEqualTo(new BigDecimal("16000"));
      assertThat(projected2023.amountSek()).isEqualTo(new BigDecimal("16000"));
      assertThat(projected2023.certainty()).isEqualTo(Certainty.ACTUAL);
      assertThat(actual2023.explanation())
          .endsWith("(1500 EUR recorded as 16000 SEK, rate 10.666667 SEK/EUR implied by the two)");
      assertThat(rules.projected(eccar, 2023).feeTerms().rateSource()).isEqualTo("IMPLIED");

      assertThat(configured2024.fee().amountSek()).isEqualTo(new BigDecimal("17145.00"));
      assertThat(configured2024.fee().settings())
          .containsExactly(new SettingUsed("rate.EUR.2024", new BigDecimal("11.43")));
      assertThat(configured2024.fee().explanation())
          .contains("1500 EUR × 11.43 SEK/EUR (rate.EUR.2024, configured;")
          .contains("10.666667 is only implied by its 16000 SEK for 1500 EUR in 2023");
      assertThat(configured2024.feeTerms().rateSource()).isEqualTo(ProjectionRules.CONFIGURED_RATE);
      assertThat(configured2024.feeTerms().exchangeRate()).isEqualByComparingTo("11.43");

      // 1500 × 10.666667 = 16000.0005, to the öre
      assertThat(implied2025.fee().amountSek()).isEqualTo(new BigDecimal("16000.00"));
      assertThat(implied2025.fee().settings()).isEmpty();
      assertThat(implied2025.fee().explanation())
          .contains("no rate configured; the rate implied by the fee's 16000 SEK for 1500 EUR");
      assertThat(implied2025.feeTerms().rateSource()).isEqualTo("IMPLIED");
      assertThat(implied2025.feeTerms().exchangeRate()).isEqualTo(new BigDecimal("10.666667"));
    }

    @Test
    void aEurFeeWithoutAConfiguredRateUsesTheRateRecordedWithIt() {
      ForumFacts eccar = Facts.forum("eccar").eurFee(2023, null, "1500", "11.50").build();

      Figure y2025 = PLAIN.projected(eccar, 2025).fee();

      assertThat(y2025.amountSek()).isEqualTo(new BigDecimal("17250.00"));
      assertThat(y2025.settings()).isEmpty();
    }

    @Test
    void aPerInhabitantFeeFollowsThePopulationSeriesFromTheValueTheDataImplies() {
      // Förvaltningshögskolans råd: 4 SEK per inhabitant, 2 390 tkr in 2023 → 597 500 inhabitants
      ProjectionRules rules =
          new ProjectionRules(settings(Map.of(2025, 610_000L), Map.of(), Map.of()));
      ForumFacts council =
          Facts.forum("fhs").perInhabitantFee(2023, null, "4", "2390000", null).build();

      ForumYear y2024 = rules.projected(council, 2024);
      ForumYear y2026 = rules.projected(council, 2026);

      assertThat(y2024.fee().amountSek()).isEqualByComparingTo("2390000");
      assertThat(y2024.feeTerms().population()).isEqualTo(597_500L);
      assertThat(y2024.fee().settings().get(0).key()).startsWith("population.2023");
      assertThat(y2024.fee().rule()).isEqualTo(ProjectionRules.FEE_PER_INHABITANT);
      assertThat(y2026.fee().amountSek()).isEqualByComparingTo("2440000");
      assertThat(y2026.fee().settings())
          .containsExactly(new SettingUsed("population.2025", BigDecimal.valueOf(610_000)));
    }

    @Test
    void aPopulationCarriedByTheFeeEventWinsOverTheConfiguredOneForItsYear() {
      ProjectionRules rules =
          new ProjectionRules(settings(Map.of(2023, 500_000L), Map.of(), Map.of()));
      ForumFacts council =
          Facts.forum("fhs").perInhabitantFee(2023, null, "4", "2400000", 600_000L).build();

      assertThat(rules.projected(council, 2024).fee().amountSek()).isEqualByComparingTo("2400000");
    }

    @Test
    void aFeeOfAPausedForumProjectsNothingFromTheFirstYearItIsPaused() {
      // SDG task force: paused during the pandemic
      ForumFacts sdg =
          Facts.forum("sdg")
              .fixedFee(2023, null, "10000")
              .otherCost(2023, "2000", "0")
              .status(ForumStatus.PAUSED, LocalDate.of(2024, 6, 1))
              .build();

      ForumYear y2024 = PLAIN.projected(sdg, 2024);
      ForumYear y2025 = PLAIN.projected(sdg, 2025);

      assertThat(y2024.fee().amountSek()).isEqualByComparingTo("10000");
      assertThat(y2025.fee().status()).isEqualTo(FigureStatus.NONE);
      assertThat(y2025.fee().rule()).isEqualTo(ProjectionRules.FORUM_NOT_ACTIVE);
      assertThat(y2025.fee().facts())
          .extracting(Provenance::eventType)
          .contains("forum.ForumStatusChanged");
      assertThat(y2025.otherCost().status()).isEqualTo(FigureStatus.NONE);
      assertThat(y2025.otherCost().rule()).isEqualTo(ProjectionRules.FORUM_NOT_ACTIVE);
      assertThat(y2025.total()).isZero();
    }

    @Test
    void anInactiveOrEndedForumProjectsNothingEvenInsideAnAgreement() {
      ForumFacts partner =
          Facts.forum("partner")
              .fixedFee(2023, 2026, "5000")
              .status(ForumStatus.INACTIVE, LocalDate.of(2023, 3, 1))
              .build();
      ForumFacts ended =
          Facts.forum("ended")
              .fixedFee(2023, null, "5000")
              .status(ForumStatus.ENDED, LocalDate.of(2024, 12, 31))
              .build();

      assertThat(PLAIN.projected(partner, 2023).fee().amountSek()).isEqualByComparingTo("5000");
      assertThat(PLAIN.projected(partner, 2024).fee().rule())
          .isEqualTo(ProjectionRules.FORUM_NOT_ACTIVE);
      assertThat(PLAIN.projected(ended, 2025).fee().status()).isEqualTo(FigureStatus.NONE);
      assertThat(PLAIN.projected(ended, 2024).fee().amountSek()).isEqualByComparingTo("5000");
    }

    @Test
    void aForumReactivatedAfterAPauseProjectsAgain() {
      ForumFacts sdg =
          Facts.forum("sdg")
              .registeredOn(LocalDate.of(2019, 1, 1))
              .fixedFee(2019, null, "10000")
              .status(ForumStatus.PAUSED, LocalDate.of(2020, 3, 15))
              .status(ForumStatus.ACTIVE, LocalDate.of(2022, 1, 1))
              .build();

      assertThat(PLAIN.projected(sdg, 2021).fee().status()).isEqualTo(FigureStatus.NONE);
      assertThat(PLAIN.projected(sdg, 2023).fee().amountSek()).isEqualByComparingTo("10000");
    }
  }

  @Nested
  class OtherCosts {

    @Test
    void staffTimeFollowsTheSalaryIndexAndOtherCategoriesStay() {
      ProjectionRules rules =
          new ProjectionRules(
              settings(
                  Map.of(),
                  Map.of(),
                  Map.of(2023, new BigDecimal("1.000"), 2025, new BigDecimal("1.100"))));
      ForumFacts forum = Facts.forum("f").otherCost(2023, "10000", "2000").build();

      ForumYear y2025 = rules.projected(forum, 2025);
      ForumYear y2024 = rules.projected(forum, 2024);

      assertThat(y2025.otherCost().amountSek()).isEqualByComparingTo("13000");
      assertThat(y2025.otherByCategory())
          .containsEntry(CostCategory.STAFF_TIME, new BigDecimal("11000.00"))
          .containsEntry(CostCategory.TRAVEL, new BigDecimal("2000"));
      assertThat(y2025.otherCost().certainty()).isEqualTo(Certainty.PROJECTED);
      assertThat(y2025.otherCost().rule()).isEqualTo(ProjectionRules.OTHER_SALARY_INDEXED);
      assertThat(y2025.otherCost().settings())
          .extracting(SettingUsed::key)
          .containsExactly("salaryIndex.2023", "salaryIndex.2025");
      // no index for 2024: the latest earlier one (2023) applies, so nothing changes
      assertThat(y2024.otherCost().amountSek()).isEqualByComparingTo("12000");
    }

    @Test
    void aYearWithRecordedOtherCostsIsActual() {
      ForumFacts forum =
          Facts.forum("f").otherCost(2023, "10000", "2000").otherCost(2024, "1", "2").build();

      Figure y2024 = PLAIN.projected(forum, 2024).otherCost();

      assertThat(y2024.certainty()).isEqualTo(Certainty.ACTUAL);
      assertThat(y2024.amountSek()).isEqualByComparingTo("3");
      assertThat(y2024.rule()).isEqualTo(ProjectionRules.OTHER_RECORDED);
    }

    @Test
    void beforeAnyRecordThereIsNoFigureNotAZero() {
      ForumFacts forum = Facts.forum("f").otherCost(2023, "10000", "2000").build();

      Figure y2022 = PLAIN.projected(forum, 2022).otherCost();

      assertThat(y2022.status()).isEqualTo(FigureStatus.NO_RECORD);
      assertThat(y2022.amountSek()).isNull();
    }
  }

  @Nested
  class Totals {

    @Test
    void aCostReportedUnderAnotherForumIsCountedOnce() {
      // Eurocities (2.14.6) carries the fees of its forums; they refer their costs there
      ForumFacts eurocities =
          Facts.forum("eurocities")
              .reference("2.14.6")
              .fixedFee(2023, null, "185000")
              .otherCost(2023, "100000", "44000")
              .build();
      ForumFacts mobility =
          Facts.forum("mobility")
              .reference("2.3.4")
              .feeStatus(2023, CostStatus.REPORTED_UNDER, "2.14.6")
              .otherCostStatus(2023, CostStatus.REPORTED_UNDER, "2.14.6")
              .build();
      ForumFacts environment =
          Facts.forum("environment")
              .reference("2.4.2")
              .feeStatus(2023, CostStatus.REPORTED_UNDER, "2.14.6")
              .otherCostStatus(2023, CostStatus.REPORTED_UNDER, "2.14.6")
              .build();
      List<ForumFacts> forums = List.of(eurocities, mobility, environment);

      YearTotals actual = PLAIN.actualYear(forums, 2023);
      YearTotals projected = PLAIN.projectedYear(forums, 2024);

      assertThat(actual.annualFeeTotal()).isEqualByComparingTo("185000");
      assertThat(actual.otherCostTotal()).isEqualByComparingTo("144000");
      assertThat(actual.forumCount()).isEqualTo(3);
      assertThat(actual.feeStatusCounts()).containsEntry(FigureStatus.REPORTED_UNDER, 2);
      assertThat(actual.notCalculatedCount()).isZero();
      assertThat(projected.annualFeeTotal()).isEqualByComparingTo("185000");
      assertThat(projected.feeStatusCounts()).containsEntry(FigureStatus.REPORTED_UNDER, 2);
    }

    @Test
    void anEndedForumsOpenEndedFeeStopsWithItInActualsToo() {
      ForumFacts ended =
          Facts.forum("ended")
              .fixedFee(2023, null, "100000")
              .status(org.forumledger.events.ForumStatus.ENDED, java.time.LocalDate.of(2024, 6, 30))
              .build();

      assertThat(PLAIN.actualYear(List.of(ended), 2024).annualFeeTotal())
          .isEqualByComparingTo("100000");
      YearTotals after = PLAIN.actualYear(List.of(ended), 2026);
      assertThat(after.forumCount()).isZero();
      assertThat(after.annualFeeTotal()).isEqualByComparingTo("0");
    }

    @Test
    void aReopenedForumCountsWithItsFeeInTheYearsItsMistakenEndHadTakenFromIt() {
      // ended from 2024-01-01 by mistake, reopened from 2025-03-01: the latest status decides,
      // as in the registry, reporting and the verifier
      ForumFacts reopened =
          Facts.forum("reopened")
              .fixedFee(2023, null, "100000")
              .status(org.forumledger.events.ForumStatus.ENDED, java.time.LocalDate.of(2024, 1, 1))
              .status(org.forumledger.events.ForumStatus.ACTIVE, java.time.LocalDate.of(2025, 3, 1))
              .build();

      for (int year : new int[] {2024, 2025, 2026}) {
        YearTotals totals = PLAIN.actualYear(List.of(reopened), year);
        assertThat(totals.forumCount()).as("counted in %s", year).isEqualTo(1);
        assertThat(totals.annualFeeTotal()).as("fee in %s", year).isEqualByComparingTo("100000");
      }
    }

    @Test
    void aCostNotCalculatedIsCountedAndNeverSummedAsZero() {
      ForumFacts known = Facts.forum("known").otherCost(2023, "1000", "0").build();
      ForumFacts partnership =
          Facts.forum("partnership").otherCostStatus(2023, CostStatus.NOT_CALCULATED, null).build();
      ForumFacts none = Facts.forum("none").otherCostStatus(2023, CostStatus.NONE, null).build();
      List<ForumFacts> forums = List.of(known, partnership, none);

      YearTotals actual = PLAIN.actualYear(forums, 2023);
      YearTotals projected = PLAIN.projectedYear(forums, 2025);
      Figure figure = PLAIN.actual(partnership, 2023).otherCost();

      assertThat(figure.status()).isEqualTo(FigureStatus.NOT_CALCULATED);
      assertThat(figure.amountSek()).isNull();
      assertThat(actual.otherCostTotal()).isEqualByComparingTo("1000");
      assertThat(actual.notCalculatedCount()).isEqualTo(1);
      assertThat(actual.otherCostStatusCounts())
          .containsEntry(FigureStatus.NOT_CALCULATED, 1)
          .containsEntry(FigureStatus.NONE, 1)
          .containsEntry(FigureStatus.AMOUNT, 1);
      assertThat(actual.byArea().get(0).notCalculatedCount()).isEqualTo(1);
      // an unknown cost stays unknown in the projection
      assertThat(projected.notCalculatedCount()).isEqualTo(1);
      assertThat(PLAIN.projected(partnership, 2025).otherCost().amountSek()).isNull();
    }

    @Test
    void actualTotalsTakeTheFeeWhoseRangeCoversTheYearAndCountTheYearsForums() {
      ForumFacts open =
          Facts.forum("open")
              .reference("2.10.1")
              .area("B-area")
              .fixedFee(2023, null, "100")
              .build();
      ForumFacts bounded =
          Facts.forum("bounded")
              .reference("2.3.1")
              .area("A-area")
              .fixedFee(2019, 2024, "40")
              .build();
      ForumFacts later =
          Facts.forum("later")
              .reference("2.3.2")
              .area("A-area")
              .registeredOn(LocalDate.of(2026, 2, 1))
              .build();
      ForumFacts ended =
          Facts.forum("ended")
              .reference("2.3.3")
              .area("A-area")
              .status(ForumStatus.ENDED, LocalDate.of(2025, 1, 1))
              .build();
      ForumFacts paused =
          Facts.forum("paused")
              .reference("2.3.4")
              .area("A-area")
              .status(ForumStatus.PAUSED, LocalDate.of(2020, 3, 15))
              .build();
      List<ForumFacts> forums = List.of(open, bounded, later, ended, paused);

      YearTotals y2025 = PLAIN.actualYear(forums, 2025);
      YearTotals y2024 = PLAIN.actualYear(forums, 2024);

      assertThat(y2025.annualFeeTotal()).isEqualByComparingTo("100");
      assertThat(y2024.annualFeeTotal()).isEqualByComparingTo("140");
      // open, bounded and paused count; "later" is registered in 2026; "ended" ended on 1 January
      assertThat(y2025.forumCount()).isEqualTo(3);
      assertThat(y2024.forumCount()).isEqualTo(4);
      // areas in the order of their first inventory reference: 2.3.1 before 2.10.1
      assertThat(y2024.byArea()).extracting(Aggregate::key).containsExactly("A-area", "B-area");
      assertThat(y2024.byArea().get(0).annualFeeTotal()).isEqualByComparingTo("40");
      assertThat(y2024.byArea().get(0).forumCount()).isEqualTo(3);
    }

    @Test
    void aYearSplitsItsTotalIntoActualAndProjectedParts() {
      ForumFacts forum =
          Facts.forum("f").fixedFee(2023, null, "100").otherCost(2024, "10", "0").build();

      YearTotals y2024 = PLAIN.projectedYear(List.of(forum), 2024);

      assertThat(y2024.actualSek()).isEqualByComparingTo("10");
      assertThat(y2024.projectedSek()).isEqualByComparingTo("100");
      assertThat(y2024.certainty()).isEqualTo(Certainty.PROJECTED);
    }
  }

  @Nested
  class MandatePeriods {

    @Test
    void projectionsRunToTheEndOfTheNextMandatePeriod() {
      RuleSettings s = PLAIN.settings();

      assertThat(s.horizonEnd(2026)).isEqualTo(2030);
      assertThat(s.horizonEnd(2023)).isEqualTo(2030);
      assertThat(s.horizonEnd(2027)).isEqualTo(2034);
      assertThat(s.periodOf(2031)).isEqualTo(new MandatePeriod(2031, 2034));
      assertThat(s.periodOf(2016)).isEqualTo(new MandatePeriod(2015, 2018));
    }
  }

  @Test
  void inventoryReferencesSortNumericallyPerPart() {
    assertThat(
            List.of("2.10.1", "2.3.1", "2.12.6.3", "2.3", "2.12.6").stream()
                .sorted(InventoryOrder.INSTANCE)
                .toList())
        .containsExactly("2.3", "2.3.1", "2.10.1", "2.12.6", "2.12.6.3");
  }
}
