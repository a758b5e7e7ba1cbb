package org.forumledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.CostRatesRecordedBuilder.rates;
import static org.forumledger.events.testing.ForumEvents.forum;

import java.nio.file.Path;
import java.util.List;
import org.forumledger.events.CostStatus;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.testing.TestKeys;
import org.forumledger.verifier.totals.YearTotals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The yearly totals an auditor gets from the events alone, by the reporting service's rules. */
class VerifierTotalsTest {

  @TempDir Path dir;

  private final SealedHistory history = new SealedHistory();

  @BeforeEach
  void aHistoryWithEveryTrap() {
    // a fee set from an earlier year and open-ended covers 2023
    history.add(forum("early").registered().reference("2.1.1").effective("2020-01-01"));
    history.add(forum("early").fee(2021).amount("10000"));
    history.add(forum("early").otherCost(2023).staff("2000").travel("500.50"));
    // not calculated: counted, never summed
    history.add(forum("unknown").registered().reference("2.1.2").effective("2020-01-01"));
    history.add(forum("unknown").fee(2023).status(CostStatus.NOT_CALCULATED));
    history.add(forum("unknown").otherCost(2023).staff("1000"));
    // reported under another forum: adds nothing
    history.add(forum("elsewhere").registered().reference("2.14.7").effective("2020-01-01"));
    history.add(forum("elsewhere").fee(2023).reportedUnder("2.14.6"));
    history.add(forum("elsewhere").otherCost(2023).reportedUnder("2.14.6"));
    // a fee withdrawn; none as other cost is a known zero
    history.add(forum("withdrawn").registered().reference("2.2.1").effective("2020-01-01"));
    history.add(forum("withdrawn").fee(2023).amount("5000"));
    history.add(forum("withdrawn").feeWithdrawn(2023));
    history.add(forum("withdrawn").otherCost(2023).status(CostStatus.NONE));
    // ended before 2023: its open fee does not run on into 2023, but it counts in 2022
    history.add(forum("ended").registered().reference("2.2.2").effective("2019-01-01"));
    history.add(forum("ended").fee(2019).amount("7000"));
    history.add(forum("ended").status(ForumStatus.ENDED).from("2022-06-30"));
    // a corrected fee replaces the first of the same year
    history.add(forum("corrected").registered().reference("2.2.3").effective("2020-01-01"));
    history.add(forum("corrected").fee(2023).amount("3000"));
    history.add(forum("corrected").fee(2023).amount("3500.25").correction());
    // registered after 2023
    history.add(forum("later").registered().reference("2.3.1").effective("2024-03-01"));
    history.add(forum("later").fee(2024).amount("900"));
    // an event of a forum never registered belongs to no forum
    history.add(forum("ghost").fee(2023).amount("99999"));
    // a newer registry's event type: verified, not in the totals
    history.addValue(history.stream.unknown("early", "forum.SomethingNew").value());
  }

  private VerificationReport verify(List<Integer> years) throws Exception {
    return Verifier.verify(history.write(dir), TestKeys.ring(), years);
  }

  @Test
  void the2023TotalsAreWhatTheEventsSay() throws Exception {
    VerificationReport report = verify(List.of(2023));

    assertThat(report.intact()).isTrue();
    YearTotals y2023 = report.years().get(2023);
    assertThat(y2023.forums()).as("early, unknown, elsewhere, withdrawn, corrected").isEqualTo(5);
    assertThat(y2023.fees()).isEqualByComparingTo("13500.25");
    assertThat(y2023.otherCosts()).isEqualByComparingTo("3500.50");
    assertThat(y2023.notCalculated()).isEqualTo(1);
    assertThat(y2023.reportedElsewhere()).isEqualTo(1);
    assertThat(y2023.feePaying()).isEqualTo(2);
    assertThat(report.unknownTypes()).isEqualTo(1);
  }

  @Test
  void aForumEndedDuringAYearStillCountsInItWithItsFee() throws Exception {
    YearTotals y2022 = verify(List.of(2022)).years().get(2022);

    assertThat(y2022.forums())
        .as("early, unknown, elsewhere, withdrawn, ended, corrected")
        .isEqualTo(6);
    assertThat(y2022.fees())
        .as("early's 10000 from 2021 and ended's 7000 from 2019")
        .isEqualByComparingTo("17000");
    assertThat(y2022.otherCosts()).isEqualByComparingTo("0");
    assertThat(y2022.notCalculated()).isZero();
  }

  @Test
  void aForumRegisteredAfterTheYearIsNotCountedInIt() throws Exception {
    VerificationReport report = verify(List.of(2023, 2024));

    assertThat(report.years().get(2023).forums()).isEqualTo(5);
    assertThat(report.years().get(2024).forums()).isEqualTo(6);
    assertThat(report.years().get(2024).fees())
        .as("the open fees of early and corrected run on, later's 900 starts")
        .isEqualByComparingTo("14400.25");
    assertThat(report.years().get(2024).notCalculated())
        .as("unknown's open fee stays not calculated")
        .isEqualTo(1);
  }

  @Test
  void byDefaultEveryYearAFeeOrOtherCostNamesIsRecomputed() throws Exception {
    VerificationReport report = verify(List.of());

    assertThat(report.years()).containsOnlyKeys(2019, 2021, 2023, 2024);
  }

  @Test
  void aFeeWithALastYearCoversTheYearsBetweenAndNoneAfter() throws Exception {
    history.add(forum("project").registered().reference("2.4.1").effective("2020-01-01"));
    history.add(forum("project").fee(2022).amount("300000").until(2024));

    VerificationReport report = verify(List.of());

    assertThat(report.years()).containsKeys(2022, 2023, 2024);
    assertThat(report.years().get(2023).fees()).isEqualByComparingTo("313500.25");
    assertThat(verify(List.of(2025)).years().get(2025).fees())
        .as("the open fees of early, corrected and later; the project's ended with 2024")
        .isEqualByComparingTo("14400.25");
  }

  @Test
  void aRepeatedLineIsNotFoldedAgain() throws Exception {
    // early's registration once more at the end: folded again it would wipe early's fee and cost
    history.replace(history.size(), history.line(1));

    VerificationReport report = verify(List.of(2023));

    assertThat(report.intact()).isFalse();
    assertThat(report.years().get(2023).fees()).isEqualByComparingTo("13500.25");
    assertThat(report.years().get(2023).otherCosts()).isEqualByComparingTo("3500.50");
  }

  @Test
  void aLaterRegistrationStartsTheForumAfresh() throws Exception {
    history.add(forum("early").registered().reference("2.1.1").effective("2020-01-01"));

    YearTotals y2023 = verify(List.of(2023)).years().get(2023);

    assertThat(y2023.fees()).isEqualByComparingTo("3500.25");
    assertThat(y2023.otherCosts()).isEqualByComparingTo("1000");
  }

  @Test
  void meetingsAndTheYearsRatesReplaceTheEstimateByTheSharedRule() throws Exception {
    // unknown's other cost of 1000 is replaced by its three meetings; its fee stays not calculated
    history.add(
        forum("early")
            .participation("p-1")
            .on("2023-03-14")
            .hours("3")
            .expenses("1200", "0", "0", "0"));
    history.add(
        forum("early")
            .participation("p-2")
            .on("2023-06-01")
            .hours("4.5")
            .expenses("800", "1500", "290", "0"));
    history.add(forum("early").participation("p-3").on("2023-10-10").hours("2.5"));

    YearTotals unpriced = verify(List.of(2023)).years().get(2023);
    assertThat(unpriced.otherCosts())
        .as("early's estimate gives way to meetings not yet priced; unknown's 1000 stays")
        .isEqualByComparingTo("1000");
    assertThat(unpriced.notCalculated()).isEqualTo(2);

    history.add(rates(2023).salary("350").overhead("46.36").source("SLK 2023"));
    // p-2 corrected to 6.5 h, p-3 withdrawn: 9.5 h × 512.26 + 3 790 = 8 656.47
    history.add(
        forum("early")
            .participation("p-2")
            .on("2023-06-01")
            .hours("6.5")
            .expenses("800", "1500", "290", "0")
            .correction());
    history.add(forum("early").participationWithdrawn("p-3", "2023-10-10"));
    history.add(rates(2024).salary("999").overhead("99"));

    VerificationReport report = verify(List.of(2023, 2024));
    assertThat(report.intact()).isTrue();
    YearTotals y2023 = report.years().get(2023);
    assertThat(y2023.otherCosts()).isEqualByComparingTo("9656.47");
    assertThat(y2023.notCalculated()).isEqualTo(1);
    assertThat(report.years().get(2024).otherCosts())
        .as("2024's rates price no 2023 meeting")
        .isEqualByComparingTo("0");
  }
}
