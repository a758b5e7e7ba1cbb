package org.forumledger.cost.projection;

import java.math.BigDecimal;

/** A group's share of a year: an area, a convener or a kind of forum. */
public record Aggregate(
    String key,
    int forumCount,
    BigDecimal annualFeeTotal,
    BigDecimal otherCostTotal,
    int notCalculatedCount) {

  public BigDecimal total() {
    return annualFeeTotal.add(otherCostTotal);
  }
}
