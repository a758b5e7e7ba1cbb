package org.forumledger.reporting.history;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Presentation of exact SEK sums; rounding happens here and nowhere else. */
public final class Money {

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Money() {}

  /** Thousand SEK with one decimal, half up, as the 2023 report shows them. */
  public static BigDecimal tkr(BigDecimal sek) {
    return plain(sek.divide(THOUSAND).setScale(1, RoundingMode.HALF_UP));
  }

  /** The same value without a negative scale, so it prints without an exponent. */
  public static BigDecimal plain(BigDecimal value) {
    return value.scale() < 0 ? value.setScale(0) : value;
  }
}
