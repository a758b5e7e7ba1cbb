package org.forumledger.reporting.history;

import java.math.BigDecimal;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.CostStatus;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.ParticipationCost;

/**
 * One forum's figures for a year: whether it counts as a forum that year, the fee and recorded
 * other cost that apply (null when none was recorded), and the derivation of its other cost from
 * the year's recorded meetings by the shared {@link ParticipationCost} rule. The totals and the
 * report are both sums of these.
 *
 * <p>A year with recorded meetings takes its other cost from them (the derived figure, or not
 * calculated when the year has no cost rates); without meetings the recorded estimate stands.
 */
public record YearFigures(
    ForumState forum,
    int year,
    boolean counted,
    AnnualFeeSet fee,
    OtherCostRecorded otherCost,
    ParticipationCost.Derivation derivation) {

  /** The forum's figures for {@code year}, its meetings priced at the year's rates (or null). */
  public static YearFigures of(ForumState forum, int year, CostRatesRecorded rates) {
    return new YearFigures(
        forum,
        year,
        forum.countsIn(year),
        forum.feeFor(year).orElse(null),
        forum.otherCostFor(year).orElse(null),
        ParticipationCost.derive(year, forum.participationsIn(year), rates));
  }

  public BigDecimal feeAmount() {
    return fee != null && fee.status() == CostStatus.AMOUNT && fee.amountSek() != null
        ? fee.amountSek()
        : BigDecimal.ZERO;
  }

  /** Whether the year's other cost rests on recorded meetings rather than on an estimate. */
  public boolean onRecords() {
    return derivation != null && derivation.outcome() != ParticipationCost.Outcome.NO_RECORDS;
  }

  /** Whether the year's other cost is a recorded estimate (no meetings recorded in the year). */
  public boolean onEstimate() {
    return !onRecords() && otherCost != null;
  }

  /** The number of meetings the other cost is derived from, 0 when it rests on no records. */
  public int recordedMeetings() {
    return onRecords() ? derivation.meetings().size() : 0;
  }

  /** The year's other cost, in SEK: derived, else the estimate; zero when none or unknown. */
  public BigDecimal otherCostAmount() {
    if (onRecords()) {
      return derivation.derived() ? derivation.totalSek() : BigDecimal.ZERO;
    }
    return otherCost != null
            && otherCost.status() == CostStatus.AMOUNT
            && otherCost.totalSek() != null
        ? otherCost.totalSek()
        : BigDecimal.ZERO;
  }

  /** The status of the other cost as the report shows it, null when nothing applies. */
  public CostStatus otherCostStatus() {
    if (onRecords()) {
      return derivation.derived() ? CostStatus.AMOUNT : CostStatus.NOT_CALCULATED;
    }
    return otherCost == null ? null : otherCost.status();
  }

  /** Why the other cost is not calculated when recorded meetings lack rates, else null. */
  public String otherCostReason() {
    return onRecords() ? derivation.reason() : null;
  }

  public boolean feePaying() {
    return fee != null && fee.status() == CostStatus.AMOUNT && feeAmount().signum() > 0;
  }

  /** Unknown is not zero: a forum whose fee or other cost for the year was not calculated. */
  public boolean notCalculated() {
    return (fee != null && fee.status() == CostStatus.NOT_CALCULATED)
        || otherCostStatus() == CostStatus.NOT_CALCULATED;
  }

  /** Whether the forum belongs in the year's totals and report at all. */
  public boolean relevant() {
    return counted || fee != null || otherCost != null || onRecords();
  }
}
