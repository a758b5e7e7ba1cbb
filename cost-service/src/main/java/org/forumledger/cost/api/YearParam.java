package org.forumledger.cost.api;

import org.forumledger.events.LedgerCalendar;

/** A year given in a request, one the ledger accepts ({@link LedgerCalendar}). */
public record YearParam(int value) {

  public YearParam {
    if (!LedgerCalendar.accepts(value)) {
      throw new IllegalArgumentException(LedgerCalendar.yearRule("A year") + ", not " + value);
    }
  }

  /** The year of the request parameter {@code parameter}, or 400 naming it. */
  public static YearParam of(String parameter, int value) {
    if (!LedgerCalendar.accepts(value)) {
      throw new ApiProblems.InvalidParameter(
          parameter,
          parameter
              + " must be a year between "
              + LedgerCalendar.FIRST_YEAR
              + " and "
              + LedgerCalendar.LAST_YEAR
              + ", not "
              + value);
    }
    return new YearParam(value);
  }

  /** An optional parameter: null when it was not given. */
  public static YearParam ofNullable(String parameter, Integer value) {
    return value == null ? null : of(parameter, value);
  }

  /** A year written as text inside another parameter, such as a mandate period. */
  public static YearParam parse(String parameter, String text) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new ApiProblems.InvalidParameter(parameter, "'" + text + "' is not a year");
    }
    return of(parameter, value);
  }
}
