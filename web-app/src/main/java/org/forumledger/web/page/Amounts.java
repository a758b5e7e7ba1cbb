package org.forumledger.web.page;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Amounts as the 2023 report shows them: thousand SEK with one decimal, Swedish digit grouping and
 * decimal comma, rounded half up only here, at presentation.
 */
public final class Amounts {

  public static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TimeSlice.LOCAL_TIME);

  public static BigDecimal tkrValue(BigDecimal sek) {
    return (sek == null ? BigDecimal.ZERO : sek).divide(THOUSAND).setScale(1, RoundingMode.HALF_UP);
  }

  /** {@code 7905000} → {@code "7 905,0"}. */
  public String tkr(BigDecimal sek) {
    return format("#,##0.0", tkrValue(sek));
  }

  /** Whole or exact SEK: {@code 837000} → {@code "837 000"}. */
  public String sek(BigDecimal sek) {
    return sek == null ? "" : format("#,##0.##", sek);
  }

  public String moment(Instant instant) {
    return instant == null ? "" : MOMENT.format(instant);
  }

  private static String format(String pattern, BigDecimal value) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(SWEDISH));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }
}
