package org.forumledger.reporting.history;

import java.math.BigDecimal;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.CostStatus;
import org.forumledger.events.OtherCostRecorded;

/**
 * One forum's figures for a year: whether it counts as a forum that year, and the fee and other
 * cost that apply (null when none was recorded). The totals and the report are both sums of these.
 */
public record YearFigures(
    ForumState forum, int year, boolean counted, AnnualFeeSet fee, OtherCostRecorded otherCost) {

  public BigDecimal feeAmount() {
    return fee != null && fee.status() == CostStatus.AMOUNT && fee.amountSek() != null
        ? fee.amountSek()
        : BigDecimal.ZERO;
  }

  public BigDecimal otherCostAmount() {
    return otherCost != null
            && otherCost.status() == CostStatus.AMOUNT
            && otherCost.totalSek() != null
        ? otherCost.totalSek()
        : BigDecimal.ZERO;
  }

  public boolean feePaying() {
    return fee != null && fee.status() == CostStatus.AMOUNT && feeAmount().signum() > 0;
  }

  /** Unknown is not zero: a forum whose fee or other cost for the year was not calculated. */
  public boolean notCalculated() {
    return (fee != null && fee.status() == CostStatus.NOT_CALCULATED)
        || (otherCost != null && otherCost.status() == CostStatus.NOT_CALCULATED);
  }

  /** Whether the forum belongs in the year's totals and report at all. */
  public boolean relevant() {
    return counted || fee != null || otherCost != null;
  }
}
