package org.forumledger.reporting.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;
import static org.forumledger.reporting.support.Events.registered;

import java.math.BigDecimal;
import java.util.List;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.testing.EventStream;
import org.junit.jupiter.api.Test;

class TotalsCalculatorTest {

  private final EventStream events = new EventStream(1);
  private static final String T = "2024-02-26T09:00:00Z";

  private List<EventEnvelope> sample() {
    return List.of(
        events.envelope(registered("a", "2.10.1", "Ten", "Miljö"), T, "2023-01-01"),
        events.envelope(registered("b", "2.3.1", "Three", "Regional utveckling"), T, "2023-01-01"),
        events.envelope(
            registered("c", "2.3.2", "Eurocities forum", "Regional utveckling"), T, null),
        events.envelope(registered("d", "2.3.3", "Ended 2022", "Regional utveckling"), T, null),
        events.envelope(registered("e", "2.10.2", "Registered 2024", "Miljö"), T, "2024-03-01"),
        events.envelope(forum("a").fee(2023).amount("1500.25"), T, null),
        events.envelope(forum("a").otherCost(2023).staff("999.75"), T, null),
        events.envelope(forum("b").fee(2019).until(2024).amount("70000"), T, null),
        events.envelope(forum("b").otherCost(2023).status(CostStatus.NOT_CALCULATED), T, null),
        events.envelope(forum("c").fee(2023).reportedUnder("2.14.6"), T, null),
        events.envelope(forum("c").otherCost(2023).reportedUnder("2.14.6"), T, null),
        events.envelope(forum("d").status(ForumStatus.ENDED).from("2023-01-01"), T, null),
        events.envelope(forum("d").fee(2023).status(CostStatus.NOT_CALCULATED), T, null),
        events.envelope(forum("e").fee(2022).until(2022).amount("5000"), T, null));
  }

  @Test
  void sumsExactlyCountsUnknownsAndOrdersAreasByTheirFirstReference() {
    Totals totals =
        TotalsCalculator.totals(ForumFold.fold(sample(), TimeSlice.CURRENT).values(), 2023, 14);

    assertThat(totals.forumCount()).isEqualTo(3); // a, b, c: d ended on Jan 1, e registered 2024
    assertThat(totals.annualFeeTotal()).isEqualTo(new BigDecimal("71500.25"));
    assertThat(totals.otherCostTotal()).isEqualTo(new BigDecimal("999.75"));
    assertThat(totals.notCalculatedCount())
        .isEqualTo(2); // b's other cost, d's fee recorded for 2023
    assertThat(totals.feePayingCount()).isEqualTo(2);
    assertThat(totals.byArea())
        .extracting(Totals.AreaTotals::area)
        .containsExactly("Regional utveckling", "Miljö");
    Totals.AreaTotals regional = totals.byArea().get(0);
    assertThat(regional.forumCount()).isEqualTo(2);
    assertThat(regional.annualFeeTotal()).isEqualTo(new BigDecimal("70000"));
    assertThat(regional.notCalculatedCount()).isEqualTo(2);
    assertThat(regional.forums())
        .extracting(f -> f.forum().details().inventoryReference())
        .containsExactly("2.3.1", "2.3.2", "2.3.3");
    assertThat(totals.byConvener()).containsEntry("SKR", 3);
    assertThat(totals.byStatus()).containsEntry("ACTIVE", 3);
  }

  @Test
  void forumsRegisteredOutsideTheInventoryHaveNoReferenceAndSortLast() {
    List<EventEnvelope> withNewcomers = new java.util.ArrayList<>(sample());
    withNewcomers.add(
        events.envelope(
            registered("x", null, "New network", "Regional utveckling"), T, "2023-01-01"));
    withNewcomers.add(
        events.envelope(registered("y", null, "New area network", "Säkerhet"), T, "2023-01-01"));
    withNewcomers.add(events.envelope(forum("y").fee(2023).amount("100"), T, null));

    Totals totals =
        TotalsCalculator.totals(
            ForumFold.fold(withNewcomers, TimeSlice.CURRENT).values(), 2023, 17);

    assertThat(totals.forumCount()).isEqualTo(5);
    assertThat(totals.annualFeeTotal()).isEqualTo(new BigDecimal("71600.25"));
    assertThat(totals.byArea())
        .extracting(Totals.AreaTotals::area)
        .containsExactly("Regional utveckling", "Miljö", "Säkerhet");
    assertThat(totals.byArea().get(0).forums())
        .extracting(f -> f.forum().details().name())
        .containsExactly("Three", "Eurocities forum", "Ended 2022", "New network");
  }

  @Test
  void anEndedForumsOpenEndedFeeStopsWithIt() {
    List<EventEnvelope> ended =
        List.of(
            events.envelope(
                registered("f", "2.1.1", "Ends mid-2024", "Regional utveckling"), T, "2023-01-01"),
            events.envelope(forum("f").fee(2023).amount("100000"), T, null),
            events.envelope(forum("f").status(ForumStatus.ENDED).from("2024-06-30"), T, null));

    assertThat(
            TotalsCalculator.totals(ForumFold.fold(ended, TimeSlice.CURRENT).values(), 2024, 3)
                .annualFeeTotal())
        .isEqualTo(new BigDecimal("100000"));
    Totals after =
        TotalsCalculator.totals(ForumFold.fold(ended, TimeSlice.CURRENT).values(), 2026, 3);
    assertThat(after.forumCount()).isZero();
    assertThat(after.annualFeeTotal()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void feesApplyOnlyForTheYearsTheyCover() {
    Totals y2025 =
        TotalsCalculator.totals(ForumFold.fold(sample(), TimeSlice.CURRENT).values(), 2025, 14);
    assertThat(y2025.annualFeeTotal()).isEqualTo(new BigDecimal("1500.25")); // b ran to 2024
    Totals y2022 =
        TotalsCalculator.totals(ForumFold.fold(sample(), TimeSlice.CURRENT).values(), 2022, 14);
    assertThat(y2022.annualFeeTotal()).isEqualTo(new BigDecimal("75000"));
  }

  @Test
  void tkrIsRoundedOnlyAtPresentation() {
    assertThat(Money.tkr(new BigDecimal("71500.25"))).isEqualTo(new BigDecimal("71.5"));
    assertThat(Money.tkr(new BigDecimal("1450"))).isEqualTo(new BigDecimal("1.5"));
    assertThat(Money.tkr(new BigDecimal("0"))).isEqualTo(new BigDecimal("0.0"));
    assertThat(InventoryReference.compare("2.3.1", "2.10.1")).isNegative();
    assertThat(InventoryReference.compare("2.14.6", "2.14")).isPositive();
  }
}
