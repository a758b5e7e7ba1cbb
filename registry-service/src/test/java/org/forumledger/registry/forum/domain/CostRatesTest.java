package org.forumledger.registry.forum.domain;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.CostRatesRecorded.TravelPrice;
import org.forumledger.registry.forum.domain.CostRates.RecordCostRatesCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A year's cost rates: a setting recorded like a fact, corrected by a later record. */
class CostRatesTest {

  static final List<TravelPrice> TICKETS =
      List.of(new TravelPrice("Göteborg–Stockholm t/r", new BigDecimal("1500")));
  static final CostRatesRecorded RATES_2023 =
      new CostRatesRecorded(
          2023, new BigDecimal("350.00"), new BigDecimal("46.36"), "SLK payroll", TICKETS, false);

  FixtureConfiguration<CostRates> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(CostRates.class);
  }

  static RecordCostRatesCommand rates(int year, String salary, String overhead, String source) {
    return RecordCostRatesCommand.of(
        null,
        year,
        salary == null ? null : new BigDecimal(salary),
        overhead == null ? null : new BigDecimal(overhead),
        source,
        TICKETS);
  }

  @Test
  void theFirstRatesOfAYearStartTheirStream() {
    fixture
        .givenNoPriorActivity()
        .when(rates(2023, "350.00", "46.36", " SLK payroll "))
        .expectEvents(RATES_2023);
  }

  @Test
  void otherRatesForTheYearAreACorrectionAndTheSameAgainWriteNothing() {
    fixture
        .given(RATES_2023)
        .when(rates(2023, "360", "46.36", "SLK payroll, revised"))
        .expectEvents(
            new CostRatesRecorded(
                2023,
                new BigDecimal("360"),
                new BigDecimal("46.36"),
                "SLK payroll, revised",
                TICKETS,
                true));
    fixture
        .given(RATES_2023)
        .when(rates(2023, "350", "46.36", "SLK payroll"))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void salaryOverheadAndSourceAreRequiredAndSane() {
    for (RecordCostRatesCommand refused :
        List.of(
            rates(2023, null, "46", "s"),
            rates(2023, "0", "46", "s"),
            rates(2023, "350", null, "s"),
            rates(2023, "350", "-1", "s"),
            rates(2023, "350", "301", "s"),
            rates(2023, "350", "46", " "),
            rates(2023, "350.123", "46", "s"))) {
      fixture
          .givenNoPriorActivity()
          .when(refused)
          .expectException(ForumRuleViolation.class)
          .expectNoEvents();
    }
    fixture
        .givenNoPriorActivity()
        .when(
            RecordCostRatesCommand.of(
                null,
                2023,
                BigDecimal.TEN,
                BigDecimal.ONE,
                "s",
                List.of(new TravelPrice("Malmö", new BigDecimal("-5")))))
        .expectException(ForumRuleViolation.class)
        .expectExceptionMessage(containsString("priceSek"))
        .expectNoEvents();
  }
}
