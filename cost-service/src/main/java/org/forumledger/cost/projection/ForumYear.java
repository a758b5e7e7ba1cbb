package org.forumledger.cost.projection;

import java.math.BigDecimal;
import java.util.Map;
import org.forumledger.events.CostCategory;

/**
 * A forum's costs in one year.
 *
 * @param counted whether the forum counts among the year's forums (see {@link
 *     ForumFacts#countedIn})
 * @param feeTerms null when the fee figure has no amount
 * @param otherByCategory SEK per category of the other-cost figure, empty when it has no lines
 */
public record ForumYear(
    ForumFacts forum,
    int year,
    boolean counted,
    Figure fee,
    FeeTerms feeTerms,
    Figure otherCost,
    Map<CostCategory, BigDecimal> otherByCategory) {

  public boolean notCalculated() {
    return fee.status() == FigureStatus.NOT_CALCULATED
        || otherCost.status() == FigureStatus.NOT_CALCULATED;
  }

  public BigDecimal total() {
    return fee.summable().add(otherCost.summable());
  }

  /** Projected when either figure was derived by a rule rather than recorded for the year. */
  public Certainty certainty() {
    return fee.certainty() == Certainty.PROJECTED || otherCost.certainty() == Certainty.PROJECTED
        ? Certainty.PROJECTED
        : Certainty.ACTUAL;
  }
}
