package org.forumledger.bench.report;

import java.util.Locale;

/** Numbers as the issue writes them: spaces between thousands, milliseconds up to a second. */
public final class Format {

  private Format() {}

  /** A whole count with a space every three digits: {@code 12 537}. */
  public static String count(double value) {
    String digits = String.format(Locale.ROOT, "%d", Math.round(value));
    StringBuilder out = new StringBuilder();
    int start = digits.startsWith("-") ? 1 : 0;
    out.append(digits, 0, start);
    for (int i = start; i < digits.length(); i++) {
      if (i > start && (digits.length() - i) % 3 == 0) {
        out.append(' ');
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }

  /** A rate: one decimal under 100 (78.7/s), whole numbers above (12 537/s). */
  public static String rate(double perSecond) {
    return (perSecond < 100 ? String.format(Locale.ROOT, "%.1f", perSecond) : count(perSecond))
        + "/s";
  }

  /** A latency: 0.42 ms, 10.6 ms, 238 ms, 1.85 s. */
  public static String millis(double ms) {
    if (ms >= 1000) {
      return seconds(ms / 1000);
    }
    if (ms >= 100) {
      return String.format(Locale.ROOT, "%.0f ms", ms);
    }
    if (ms >= 1) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    return String.format(Locale.ROOT, "%.2f ms", ms);
  }

  public static String seconds(double s) {
    return s >= 100
        ? String.format(Locale.ROOT, "%.0f s", s)
        : String.format(Locale.ROOT, "%.1f s", s);
  }

  public static String ratio(double ratio) {
    return ratio >= 1
        ? String.format(Locale.ROOT, "%.2f", ratio)
        : String.format(Locale.ROOT, "%.3f", ratio);
  }

  public static String mib(double mib) {
    return count(mib) + " MiB";
  }
}
