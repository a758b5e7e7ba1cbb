package org.forumledger.cost.projection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A year's aggregate over all forums. Uncalculated costs are counted in {@code notCalculatedCount},
 * never added as zero; a cost reported under another forum is summed only at that forum.
 *
 * @param actualSek the part of the total that rests on facts recorded for the year
 * @param projectedSek the part derived by projection rules
 * @param feeStatusCounts forums per status of their fee figure
 * @param otherCostStatusCounts forums per status of their other-cost figure
 */
public record YearTotals(
    int year,
    int forumCount,
    BigDecimal annualFeeTotal,
    BigDecimal otherCostTotal,
    int notCalculatedCount,
    BigDecimal actualSek,
    BigDecimal projectedSek,
    List<Aggregate> byArea,
    List<Aggregate> byConvener,
    List<Aggregate> byKind,
    Map<FigureStatus, Integer> feeStatusCounts,
    Map<FigureStatus, Integer> otherCostStatusCounts,
    List<ForumYear> forums) {

  /** Forums whose other costs are derived from recorded meetings (priced or not calculated). */
  public int otherCostOnRecords() {
    return (int)
        forums.stream()
            .filter(f -> ProjectionRules.OTHER_FROM_PARTICIPATION.equals(f.otherCost().rule()))
            .count();
  }

  /** Forums whose other costs rest on a recorded estimate (as recorded, or carried forward). */
  public int otherCostOnEstimates() {
    return (int)
        forums.stream()
            .map(ForumYear::otherCost)
            .filter(
                o ->
                    o.status() != FigureStatus.NO_RECORD
                        && !ProjectionRules.OTHER_FROM_PARTICIPATION.equals(o.rule())
                        && !ProjectionRules.FORUM_NOT_ACTIVE.equals(o.rule())
                        && !ProjectionRules.EXIT_REVIEW_DECISION.equals(o.rule()))
            .count();
  }

  public BigDecimal total() {
    return annualFeeTotal.add(otherCostTotal);
  }

  public Certainty certainty() {
    return projectedSek.signum() == 0
            && forums.stream().allMatch(f -> f.certainty() == Certainty.ACTUAL)
        ? Certainty.ACTUAL
        : Certainty.PROJECTED;
  }
}
