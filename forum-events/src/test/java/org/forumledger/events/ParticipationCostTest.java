package org.forumledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ParticipationCostTest {

  private static final CostRatesRecorded RATES_2023 =
      new CostRatesRecorded(
          2023, new BigDecimal("350.00"), new BigDecimal("46.36"), "SLK payroll 2023", null, false);

  @Test
  void threeMeetingsCostTheirHoursAtTheHourlyCostWithOverheadPlusTheirExpenses() {
    List<ParticipationRecorded> meetings =
        List.of(
            meeting("p-3", "2023-09-20", "3", "0", "0", "0", "0"),
            meeting("p-1", "2023-02-01", "12.5", "1500", "1200", "290", "0"),
            meeting("p-2", "2023-05-10", "8", "0", "0", "0", "2400"));

    ParticipationCost.Derivation d = ParticipationCost.derive(2023, meetings, RATES_2023);

    // 350 × 1.4636 = 512.26 SEK an hour; 23.5 h = 12 038.11; expenses 1500+1200+290+2400 = 5 390
    assertThat(d.outcome()).isEqualTo(ParticipationCost.Outcome.DERIVED);
    assertThat(d.hourlyCostSek()).isEqualByComparingTo("512.26");
    assertThat(d.hours()).isEqualByComparingTo("23.5");
    assertThat(d.staffSek()).isEqualByComparingTo("12038.110");
    assertThat(d.totalSek()).isEqualByComparingTo("17428.110");
    assertThat(d.meetings())
        .extracting(ParticipationCost.MeetingCost::participationId)
        .containsExactly("p-1", "p-2", "p-3");
    assertThat(d.meetings().get(0).describe())
        .isEqualTo(
            "2023-02-01 KS PHYSICAL, 2 attended: 12.5 h = 6403.25 SEK + travel 1500 + lodging"
                + " 1200 + per diem 290 + elected fees 0 = 9393.25 SEK");
    assertThat(d.rule()).contains("350 SEK", "46.36 %", "512.26 SEK an hour", "SLK payroll 2023");
  }

  @Test
  void recordsWithoutRatesAreNotCalculatedAndNoRecordsDeriveNothing() {
    List<ParticipationRecorded> one =
        List.of(meeting("p-1", "2023-02-01", "2", "10", "0", "0", "0"));

    ParticipationCost.Derivation noRates = ParticipationCost.derive(2023, one, null);
    ParticipationCost.Derivation otherYear = ParticipationCost.derive(2024, one, null);

    assertThat(noRates.outcome()).isEqualTo(ParticipationCost.Outcome.NO_RATES);
    assertThat(noRates.reason()).isEqualTo("no cost rates recorded for 2023");
    assertThat(noRates.totalSek()).isNull();
    assertThat(noRates.travelSek()).isEqualByComparingTo("10");
    assertThat(otherYear.outcome()).isEqualTo(ParticipationCost.Outcome.NO_RECORDS);
    assertThatThrownBy(() -> ParticipationCost.derive(2024, one, RATES_2023))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aYearOfRecordsRepricedAtAnotherYearsRatesKeepsItsHoursAndExpenses() {
    List<ParticipationRecorded> one =
        List.of(meeting("p-1", "2023-02-01", "10", "100", "0", "0", "50"));
    CostRatesRecorded later =
        new CostRatesRecorded(2024, new BigDecimal("400"), new BigDecimal("50"), "s", null, false);

    ParticipationCost.Derivation d = ParticipationCost.derive(2023, one, RATES_2023);

    assertThat(d.repricedAt(later)).isEqualByComparingTo("6150"); // 10 × 600 + 150
    assertThat(ParticipationCost.derive(2023, one, null).repricedAt(later))
        .isEqualByComparingTo("6150");
    assertThat(d.repricedAt(null)).isNull();
  }

  @Property(tries = 300)
  void theYearIsTheSumOfItsMeetingsAndTheirOrderDoesNotMatter(
      @ForAll("meetings") List<ParticipationRecorded> meetings,
      @ForAll("rates") CostRatesRecorded rates,
      @ForAll long seed) {
    List<ParticipationRecorded> shuffled = new ArrayList<>(meetings);
    Collections.shuffle(shuffled, new Random(seed));

    ParticipationCost.Derivation d = ParticipationCost.derive(2023, meetings, rates);
    ParticipationCost.Derivation again = ParticipationCost.derive(2023, shuffled, rates);

    BigDecimal expected = BigDecimal.ZERO;
    BigDecimal hours = BigDecimal.ZERO;
    for (ParticipationRecorded m : meetings) {
      hours = hours.add(m.hours());
      expected =
          expected
              .add(m.travelSek())
              .add(m.lodgingSek())
              .add(m.perDiemSek())
              .add(m.electedFeesSek());
    }
    BigDecimal hourly =
        rates
            .hourlySalarySek()
            .multiply(BigDecimal.ONE.add(rates.payrollOverheadPercent().movePointLeft(2)));
    expected = expected.add(hours.multiply(hourly));
    assertThat(d.totalSek()).isEqualByComparingTo(expected);
    assertThat(again).isEqualTo(d);
    assertThat(d.meetings()).hasSize(meetings.size());
  }

  @Property(tries = 200)
  void aHigherSalaryNeverLowersTheFigureAndMovesOnlyTheStaffTime(
      @ForAll("meetings") List<ParticipationRecorded> meetings,
      @ForAll("rates") CostRatesRecorded rates,
      @ForAll @IntRange(min = 1, max = 500) int raise) {
    CostRatesRecorded raised =
        new CostRatesRecorded(
            2023,
            rates.hourlySalarySek().add(BigDecimal.valueOf(raise)),
            rates.payrollOverheadPercent(),
            rates.source(),
            List.of(),
            true);

    ParticipationCost.Derivation before = ParticipationCost.derive(2023, meetings, rates);
    ParticipationCost.Derivation after = ParticipationCost.derive(2023, meetings, raised);

    assertThat(after.totalSek()).isGreaterThanOrEqualTo(before.totalSek());
    assertThat(after.totalSek().subtract(after.staffSek()))
        .isEqualByComparingTo(before.totalSek().subtract(before.staffSek()));
  }

  @Provide
  Arbitrary<List<ParticipationRecorded>> meetings() {
    Arbitrary<BigDecimal> hours =
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("40")).ofScale(1);
    Arbitrary<BigDecimal> sek =
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("20000")).ofScale(2);
    Arbitrary<Integer> day = Arbitraries.integers().between(1, 365);
    return Combinators.combine(day, hours, sek, sek, sek, sek)
        .as(
            (d, h, t, l, p, f) ->
                new ParticipationRecorded(
                    "f",
                    "p-" + d + "-" + h + "-" + t,
                    Body.KS,
                    LocalDate.ofYearDay(2023, d),
                    1,
                    List.of(),
                    h,
                    t,
                    l,
                    p,
                    f,
                    MeetingMode.PHYSICAL,
                    false))
        .list()
        .ofMinSize(1)
        .ofMaxSize(12)
        .uniqueElements(ParticipationRecorded::participationId);
  }

  @Provide
  Arbitrary<CostRatesRecorded> rates() {
    return Combinators.combine(
            Arbitraries.bigDecimals()
                .between(new BigDecimal("100"), new BigDecimal("900"))
                .ofScale(2),
            Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("80")).ofScale(2))
        .as((s, o) -> new CostRatesRecorded(2023, s, o, "generated", List.of(), false));
  }

  private static ParticipationRecorded meeting(
      String id,
      String date,
      String hours,
      String travel,
      String lodging,
      String perDiem,
      String fees) {
    return new ParticipationRecorded(
        "f",
        id,
        Body.KS,
        LocalDate.parse(date),
        null,
        List.of("a-1", "a-2"),
        new BigDecimal(hours),
        new BigDecimal(travel),
        new BigDecimal(lodging),
        new BigDecimal(perDiem),
        new BigDecimal(fees),
        MeetingMode.PHYSICAL,
        false);
  }
}
