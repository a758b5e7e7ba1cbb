package org.forumledger.cost.projection;

import java.math.BigDecimal;
import org.forumledger.events.FeeBasis;

/**
 * How a fee figure's SEK amount was reached: original currency and rate, basis, population. {@code
 * rateSource} names where the rate came from: {@code STATED} or {@code IMPLIED} (the fee's own
 * rate, see {@link org.forumledger.events.ExchangeRateSource}) or {@code CONFIGURED} (the cost
 * settings' rate for the year).
 */
public record FeeTerms(
    FeeBasis basis,
    String currency,
    BigDecimal originalAmount,
    BigDecimal exchangeRate,
    String rateSource,
    BigDecimal perInhabitantRateSek,
    Long population) {}
