package org.forumledger.cost.projection;

import java.math.BigDecimal;
import org.forumledger.events.FeeBasis;

/** How a fee figure's SEK amount was reached: original currency and rate, basis, population. */
public record FeeTerms(
    FeeBasis basis,
    String currency,
    BigDecimal originalAmount,
    BigDecimal exchangeRate,
    BigDecimal perInhabitantRateSek,
    Long population) {}
