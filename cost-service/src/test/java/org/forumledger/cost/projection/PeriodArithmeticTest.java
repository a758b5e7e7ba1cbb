package org.forumledger.cost.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.forumledger.events.CostStatus;
import org.forumledger.events.LedgerCalendar;
import org.junit.jupiter.api.Test;

/** Which years an answer covers: horizons, a forum's years and a mandate period's sums. */
class PeriodArithmeticTest {

  static final RuleSettings SETTINGS = ProjectionRulesTest.settings(Map.of(), Map.of(), Map.of());
  static final ProjectionRules RULES = new ProjectionRules(SETTINGS);

  @Test
  void theHorizonRunsFromThisYearToTheEndOfTheNextMandatePeriod() {
    assertThat(SETTINGS.horizon(2026)).isEqualTo(new YearRange(2026, 2030));
    assertThat(SETTINGS.horizon(2023)).isEqualTo(new YearRange(2023, 2030));
    assertThat(SETTINGS.horizon(2027)).isEqualTo(new YearRange(2027, 2034));
  }

  @Test
  void aForumIsShownFromThePeriodOfItsFirstFactToTheHorizon() {
    ForumFacts kolv = Facts.forum("kolv").fixedFee(2019, 2024, "2390000").build();

    assertThat(SETTINGS.yearsOf(kolv, 2026)).isEqualTo(new YearRange(2019, 2030));
  }

  @Test
  void aFactBeyondTheHorizonExtendsTheYearsToTheEndOfItsPeriod() {
    ForumFacts later = Facts.forum("later").otherCost(2035, "100", "0").build();

    assertThat(SETTINGS.yearsOf(later, 2026)).isEqualTo(new YearRange(2023, 2038));
  }

  @Test
  void aForumRegisteredInALaterPeriodStartsWithThatPeriod() {
    ForumFacts fresh = Facts.forum("fresh").registeredOn(LocalDate.of(2028, 3, 1)).build();

    // this year counts as a fact, so the forum's years still begin with this year's period
    assertThat(SETTINGS.yearsOf(fresh, 2026)).isEqualTo(new YearRange(2023, 2030));
    assertThat(SETTINGS.yearsOf(fresh, 2029)).isEqualTo(new YearRange(2027, 2034));
  }

  @Test
  void aForumsYearsStayWithinTheLedgerCalendar() {
    ForumFacts old = Facts.forum("old").registeredOn(null).fixedFee(1901, 1901, "10").build();

    assertThat(SETTINGS.periodOf(1901)).isEqualTo(new MandatePeriod(1899, 1902));
    assertThat(SETTINGS.yearsOf(old, 2026).from()).isEqualTo(LedgerCalendar.FIRST_YEAR);
    assertThat(new YearRange(1890, 2300).withinLedgerCalendar())
        .isEqualTo(new YearRange(LedgerCalendar.FIRST_YEAR, LedgerCalendar.LAST_YEAR));
  }

  @Test
  void aYearRangeListsItsYearsAndRefusesToRunBackwards() {
    assertThat(new YearRange(2027, 2030).years()).containsExactly(2027, 2028, 2029, 2030);
    assertThat(new YearRange(2027, 2030).contains(2031)).isFalse();
    assertThat(new MandatePeriod(2023, 2026).years()).containsExactly(2023, 2024, 2025, 2026);
    assertThatThrownBy(() -> new YearRange(2028, 2027))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyTheConfiguredPeriodsAreConfigured() {
    assertThat(SETTINGS.isConfigured(new MandatePeriod(2023, 2026))).isTrue();
    assertThat(SETTINGS.isConfigured(new MandatePeriod(2023, 2025))).isFalse();
    // periods continue beyond the configured ones, but are not configured
    assertThat(SETTINGS.isConfigured(SETTINGS.periodOf(2031))).isFalse();
  }

  @Test
  void aMandatePeriodSumsItsYearsButCountsEachForumOnce() {
    ForumFacts fee =
        Facts.forum("fee").reference("2.1.1").area("A").fixedFee(2023, null, "1000").build();
    ForumFacts unknown =
        Facts.forum("unknown")
            .reference("2.2.1")
            .area("B")
            .otherCostStatus(2023, CostStatus.NOT_CALCULATED, null)
            .build();
    ForumFacts joined =
        Facts.forum("joined")
            .reference("2.3.1")
            .area("A")
            .registeredOn(LocalDate.of(2025, 1, 1))
            .fixedFee(2025, null, "500")
            .build();

    PeriodTotals period =
        RULES.projectedPeriod(List.of(fee, unknown, joined), new MandatePeriod(2023, 2026));

    assertThat(period.years()).extracting(YearTotals::year).containsExactly(2023, 2024, 2025, 2026);
    assertThat(period.annualFeeTotal()).isEqualByComparingTo("5000");
    assertThat(period.otherCostTotal()).isEqualByComparingTo("0");
    assertThat(period.total()).isEqualByComparingTo("5000");
    // recorded for their own year: 1000 in 2023 and 500 in 2025; the rest recurs
    assertThat(period.actualSek()).isEqualByComparingTo("1500");
    assertThat(period.projectedSek()).isEqualByComparingTo("3500");
    assertThat(period.notCalculatedForumCount()).isEqualTo(1);
    assertThat(period.byArea()).extracting(Aggregate::key).containsExactly("A", "B");
    Aggregate a = period.byArea().get(0);
    assertThat(a.forumCount()).isEqualTo(2);
    assertThat(a.annualFeeTotal()).isEqualByComparingTo("5000");
    assertThat(period.byArea().get(1).notCalculatedCount()).isEqualTo(1);
  }
}
