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

  private static final String HEAD = "ab".repeat(32);
  private static final ChainComparison.Link AT_40 = new ChainComparison.Link(40, HEAD, 40);
  private static final ChainComparison ONE_CHAIN =
      ChainComparison.of(AT_40, AT_40, AT_40, HEAD, HEAD);

  @Test
  void equalFiguresAtOnePositionAgreeWhateverTheirScale() {
    Reconciliation result =
        Reconciliation.of(
            2023, side(40, "70000", "15000"), side(40, "70000.00", "15000.0"), ONE_CHAIN);

    assertThat(result.agree()).isTrue();
    assertThat(result.differences()).isEmpty();
  }

  @Test
  void everyDifferenceIsNamed() {
    Reconciliation result =
        Reconciliation.of(2023, side(40, "70000", "15000"), side(41, "70001", "15000"), ONE_CHAIN);

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

    assertThat(Reconciliation.of(2023, side(40, "70000", "15000"), cost, ONE_CHAIN).differences())
        .contains(
            "area 'Regional utveckling' only in reporting", "area 'Stadsutveckling' only in cost");
  }

  @Test
  void aConsumerHoldingALinkTheRegistryDidNotPublishDisagreesThoughItsFiguresMatch() {
    ChainComparison.Link forged = new ChainComparison.Link(40, "cd".repeat(32), 40);
    ChainComparison chain = ChainComparison.of(AT_40, forged, AT_40, HEAD, HEAD);

    Reconciliation result =
        Reconciliation.of(2023, side(40, "70000", "15000"), side(40, "70000", "15000"), chain);

    assertThat(result.samePosition()).isTrue();
    assertThat(result.agree()).isFalse();
    assertThat(result.differences())
        .containsExactly(
            "reporting holds chain sequence 40 as "
                + "cd".repeat(32)
                + "; the registry published "
                + HEAD);
  }

  @Test
  void aConsumerBehindTheRegistryIsNotYetAtTheSamePosition() {
    ChainComparison.Link behind = new ChainComparison.Link(39, "ef".repeat(32), 39);
    ChainComparison chain = ChainComparison.of(AT_40, behind, AT_40, "ef".repeat(32), HEAD);

    Reconciliation result =
        Reconciliation.of(2023, side(39, "70000", "15000"), side(40, "70000", "15000"), chain);

    assertThat(result.samePosition()).isFalse();
    assertThat(result.differences())
        .contains("chain sequences differ: registry 40, reporting 39, cost 40");
  }

  @Test
  void aRegistryThatDoesNotAnswerLeavesTheChainUnreconciled() {
    ChainComparison chain = ChainComparison.unanswered(AT_40, AT_40, "connection refused");

    Reconciliation result =
        Reconciliation.of(2023, side(40, "70000", "15000"), side(40, "70000", "15000"), chain);

    assertThat(result.agree()).isFalse();
    assertThat(result.differences()).containsExactly("the registry's chain: connection refused");
  }
}
