package org.forumledger.events;

import java.math.BigDecimal;

/**
 * One category of an other-cost estimate. For staff time, {@code hours} and {@code hourlyCostSek}
 * say how the amount was reached; otherwise they are null.
 */
public record CostLine(
    CostCategory category, BigDecimal amountSek, BigDecimal hours, BigDecimal hourlyCostSek) {}
