package org.forumledger.reporting.report;

import java.math.BigDecimal;

/**
 * Amounts in tkr as the 2023 report prints them, "2 000" and "0,5" (Swedish grouping, decimal
 * comma, no trailing zeros), and as CSV and XLSX keep them for a machine, "2000" and "0.5".
 */
final class Amounts {

  private Amounts() {}

  static String plain(BigDecimal tkr) {
    return tkr == null ? "" : tkr.stripTrailingZeros().toPlainString();
  }

  static String swedish(BigDecimal tkr) {
    if (tkr == null) {
      return "";
    }
    String plain = plain(tkr.abs());
    int point = plain.indexOf('.');
    String whole = point < 0 ? plain : plain.substring(0, point);
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        grouped.append(' ');
      }
      grouped.append(whole.charAt(i));
    }
    if (point >= 0) {
      grouped.append(',').append(plain.substring(point + 1));
    }
    return (tkr.signum() < 0 ? "-" : "") + grouped;
  }
}
