package org.forumledger.cost.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Presentation of exact SEK: tkr is a convenience, rounded here and nowhere else. */
final class Money {

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Money() {}

  static BigDecimal tkr(BigDecimal sek) {
    return sek == null ? null : sek.divide(THOUSAND, 1, RoundingMode.HALF_UP);
  }
}
