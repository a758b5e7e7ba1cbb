package org.forumledger.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;
import static org.forumledger.reporting.support.Events.registered;

import java.math.BigDecimal;
import java.util.List;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.testing.EventStream;
import org.forumledger.reporting.history.ForumFold;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.history.TotalsCalculator;
import org.junit.jupiter.api.Test;

class AppendixBuilderTest {

  private static final String T = "2024-02-26T09:15:00Z";

  @Test
  void forumsWithoutASectionFollowThoseWithOneInSwedishNameOrder() {
    EventStream events = new EventStream(1);
    List<EventEnvelope> all =
        List.of(
            events.envelope(registered("o", null, "Öresundskommittén", "Miljö"), T, "2023-01-01"),
            events.envelope(registered("z", "2.20.1", "Zeta", "Miljö"), T, "2023-01-01"),
            events.envelope(registered("a", null, "Alingsåsnätverket", "Miljö"), T, "2023-01-01"),
            events.envelope(registered("b", null, "Borås forum", "Miljö"), T, "2023-01-01"),
            events.envelope(forum("o").fee(2023).amount("1000"), T, null),
            events.envelope(forum("z").fee(2023).amount("1000"), T, null),
            events.envelope(forum("a").fee(2023).amount("1000"), T, null),
            events.envelope(forum("b").fee(2023).amount("1000"), T, null));

    AppendixReport report = build(all);

    assertThat(report.sections()).hasSize(1);
    assertThat(report.sections().get(0).heading()).isEqualTo("2.20 Miljö");
    assertThat(report.sections().get(0).rows())
        .extracting(AppendixReport.Row::name)
        .containsExactly("Zeta", "Alingsåsnätverket", "Borås forum", "Öresundskommittén");
  }

  @Test
  void anAreaWhoseForumsHaveNoSectionHasAHeadingWithoutANumber() {
    EventStream events = new EventStream(1);
    List<EventEnvelope> all =
        List.of(
            events.envelope(registered("n", null, "Nytt nätverk", "Kultur"), T, "2023-01-01"),
            events.envelope(forum("n").fee(2023).amount("2000000"), T, null));

    AppendixReport.Section section = build(all).sections().get(0);

    assertThat(section.number()).isNull();
    assertThat(section.heading()).isEqualTo("Kultur");
    assertThat(section.rows().get(0).feeCell()).isEqualTo("2000");
  }

  @Test
  void amountsPrintWithSwedishGroupingAndStayPlainForMachines() {
    assertThat(Amounts.swedish(new BigDecimal("2000.0"))).isEqualTo("2 000");
    assertThat(Amounts.swedish(new BigDecimal("1234567.8"))).isEqualTo("1 234 567,8");
    assertThat(Amounts.swedish(new BigDecimal("0.5"))).isEqualTo("0,5");
    assertThat(Amounts.swedish(new BigDecimal("16.0"))).isEqualTo("16");
    assertThat(Amounts.swedish(new BigDecimal("-7905.0"))).isEqualTo("-7 905");
    assertThat(Amounts.plain(new BigDecimal("2000.0"))).isEqualTo("2000");
    assertThat(Amounts.plain(new BigDecimal("17.3"))).isEqualTo("17.3");
  }

  private static AppendixReport build(List<EventEnvelope> all) {
    return AppendixBuilder.build(
        TotalsCalculator.totals(ForumFold.fold(all, TimeSlice.CURRENT).values(), 2023, 1),
        null,
        null);
  }
}
