package org.forumledger.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Query parameters a person can mistype: each is a 400 naming the parameter, never a 500. */
class ParamsTest {

  @Test
  void mandatePeriodsAreCheckedBeforeUse() {
    assertThat(ChangesController.periodEnd("fromPeriod", "2023-2026"))
        .isEqualTo(LocalDate.of(2026, 12, 31));
    for (String bad : new String[] {"-", "", "2023-2026-2030", "1000000003", "2023-2027", "abc"}) {
      assertThatThrownBy(() -> ChangesController.periodEnd("fromPeriod", bad))
          .as(bad)
          .isInstanceOf(InvalidParameterException.class);
    }
  }

  @Test
  void instantsAndDatesOutsideAnyReasonableRangeAreRefused() {
    assertThatThrownBy(() -> Params.instant("knownAt", "+1000000000-01-01T00:00:00Z"))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> Params.date("asOf", "+99999-01-01"))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(Params.instant("knownAt", "2024-02-26T00:00:00Z"))
        .hasToString("2024-02-26T00:00:00Z");
  }
}
