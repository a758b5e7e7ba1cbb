package org.forumledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;

import java.nio.file.Path;
import java.util.List;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.testing.TestKeys;
import org.forumledger.verifier.totals.YearTotals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrections of ended forums (issue 13) in the auditor's totals, by the rule the registry, cost
 * and reporting share: the latest status decides, so a reopened forum counts with its fee in the
 * years its mistaken end had taken from it, and a cost of a year before the end, recorded after the
 * end, adds to that year.
 */
class VerifierCorrectionsTest {

  @TempDir Path dir;

  private final SealedHistory history = new SealedHistory();

  @Test
  void aReopenedForumAndALateCostBeforeTheEndAreInTheTotals() throws Exception {
    history.add(forum("mistaken").registered().reference("9.1.1").effective("2019-01-01"));
    history.add(forum("mistaken").fee(2023).amount("50000"));
    history.add(forum("ended").registered().reference("9.1.2").effective("2019-01-01"));
    history.add(forum("ended").fee(2023).amount("40000"));
    history.add(
        forum("mistaken").status(ForumStatus.ENDED).from("2024-01-01").decision("KS 2023 § 900"));
    history.add(
        forum("ended").status(ForumStatus.ENDED).from("2024-01-01").decision("KS 2023 § 901"));
    history.add(forum("ended").otherCost(2023).staff("7000").decision("KS 2024 § 210"));
    history.add(
        forum("mistaken")
            .status(ForumStatus.ACTIVE)
            .from("2025-03-01")
            .because("The end was recorded by mistake")
            .decision("KS 2025 § 120"));

    VerificationReport report =
        Verifier.verify(history.write(dir), TestKeys.ring(), List.of(2023, 2024, 2025));

    assertThat(report.intact()).isTrue();
    YearTotals y2023 = report.years().get(2023);
    assertThat(y2023.forums()).isEqualTo(2);
    assertThat(y2023.fees()).isEqualByComparingTo("90000");
    assertThat(y2023.otherCosts()).isEqualByComparingTo("7000");
    for (int year : List.of(2024, 2025)) {
      YearTotals totals = report.years().get(year);
      assertThat(totals.forums()).as("forums in %s", year).isEqualTo(1);
      assertThat(totals.fees()).as("fees in %s", year).isEqualByComparingTo("50000");
    }
  }
}
