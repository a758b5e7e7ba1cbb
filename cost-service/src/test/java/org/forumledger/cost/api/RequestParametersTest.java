package org.forumledger.cost.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.forumledger.cost.projection.MandatePeriod;
import org.forumledger.kit.problem.ProblemType;
import org.junit.jupiter.api.Test;

/**
 * Parameters are parsed once, into values the queries can trust, or refused naming the parameter.
 */
class RequestParametersTest {

  @Test
  void aYearOutsideTheLedgerCalendarIsRefusedNamingTheParameter() {
    assertThat(YearParam.of("year", 2023).value()).isEqualTo(2023);
    assertThat(YearParam.ofNullable("from", null)).isNull();
    assertRefused(
        () -> YearParam.of("from", 1899),
        "from",
        "from must be a year between 1900 and 2200, not 1899");
    assertRefused(
        () -> YearParam.of("year", 2201),
        "year",
        "year must be a year between 1900 and 2200, not 2201");
  }

  @Test
  void aMandatePeriodIsTwoYearsInOrder() {
    assertThat(MandatePeriodParam.parse("2023-2026").period())
        .isEqualTo(new MandatePeriod(2023, 2026));
    assertRefused(
        () -> MandatePeriodParam.parse("abc"),
        "period",
        "A mandate period is written from-to, e.g. 2023-2026");
    assertRefused(() -> MandatePeriodParam.parse("x-2026"), "from", "'x' is not a year");
    assertRefused(
        () -> MandatePeriodParam.parse("2023-3000"),
        "to",
        "to must be a year between 1900 and 2200, not 3000");
    assertRefused(
        () -> MandatePeriodParam.parse("2026-2023"),
        "period",
        "The period ends before it starts: 2026-2023");
  }

  @Test
  void theBasisIsActualUnlessProjectedIsAsked() {
    assertThat(Basis.parse(null)).isEqualTo(Basis.ACTUAL);
    assertThat(Basis.parse("actual")).isEqualTo(Basis.ACTUAL);
    assertThat(Basis.parse("projected")).isEqualTo(Basis.PROJECTED);
    assertRefused(
        () -> Basis.parse("PROJECTED"),
        "basis",
        "basis is 'actual' or 'projected', not 'PROJECTED'");
  }

  private static void assertRefused(Runnable parse, String parameter, String detail) {
    ApiProblems.InvalidParameter refused =
        catchThrowableOfType(ApiProblems.InvalidParameter.class, parse::run);
    assertThat(refused).isNotNull();
    assertThat(refused.problem().type()).isEqualTo(ProblemType.INVALID_PARAMETER);
    assertThat(refused.problem().properties()).containsEntry("parameter", parameter);
    assertThat(refused.problem().detail()).isEqualTo(detail);
  }
}
