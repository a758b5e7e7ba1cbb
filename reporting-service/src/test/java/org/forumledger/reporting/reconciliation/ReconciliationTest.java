package org.forumledger.reporting.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.forumledger.reporting.reconciliation.Reconciliation.Area;
import org.forumledger.reporting.reconciliation.Reconciliation.Side;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  static Side side(long position, String fee, String otherInArea) {
    return new Side(
        position,
        2,
        new BigDecimal(fee),
        new BigDecimal("15000"),
        1,
        List.of(
            new Area(
                "Regional utveckling", 2, new BigDecimal(fee), new BigDecimal(otherInArea), 1)));
  }

  @Test
  void equalFiguresAtOnePositionAgreeWhateverTheirScale() {
    Reconciliation result =
        Reconciliation.of(2023, side(40, "70000", "15000"), side(40, "70000.00", "15000.0"));

    assertThat(result.agree()).isTrue();
    assertThat(result.differences()).isEmpty();
  }

  @Test
  void everyDifferenceIsNamed() {
    Reconciliation result =
        Reconciliation.of(2023, side(40, "70000", "15000"), side(41, "70001", "15000"));

    assertThat(result.agree()).isFalse();
    assertThat(result.samePosition()).isFalse();
    assertThat(result.differences())
        .containsExactly(
            "positions differ: reporting 40, cost 41",
            "annualFeeTotal: reporting 70000, cost 70001",
            "byArea[Regional utveckling].annualFeeTotal: reporting 70000, cost 70001");
  }

  @Test
  void anAreaMissingOnOneSideIsADifference() {
    Side cost =
        new Side(
            40,
            2,
            new BigDecimal("70000"),
            new BigDecimal("15000"),
            1,
            List.of(
                new Area(
                    "Stadsutveckling", 2, new BigDecimal("70000"), new BigDecimal("15000"), 1)));

    assertThat(Reconciliation.of(2023, side(40, "70000", "15000"), cost).differences())
        .contains(
            "area 'Regional utveckling' only in reporting", "area 'Stadsutveckling' only in cost");
  }
}
