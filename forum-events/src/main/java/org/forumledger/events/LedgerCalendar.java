package org.forumledger.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates and years the ledger accepts, for writers and readers alike: a fact the registry
 * accepts can always be reached by a reader's date, and a reader never refuses a date a fact can
 * carry. The range is wide enough for historic memberships and long projections.
 */
public final class LedgerCalendar {

  public static final int FIRST_YEAR = 1900;
  public static final int LAST_YEAR = 2200;

  public static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
  public static final LocalDate LAST_DAY = LocalDate.of(LAST_YEAR, 12, 31);

  public static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);

  /** The last instant of {@link #LAST_DAY}, UTC. */
  public static final Instant LAST_INSTANT =
      LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);

  private LedgerCalendar() {}

  public static boolean accepts(int year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }

  public static boolean accepts(LocalDate date) {
    return date != null && !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
  }

  public static boolean accepts(Instant instant) {
    return instant != null && !instant.isBefore(FIRST_INSTANT) && !instant.isAfter(LAST_INSTANT);
  }

  /** The sentence a refusal gives, naming the field. */
  public static String yearRule(String field) {
    return field + " must be a year from " + FIRST_YEAR + " to " + LAST_YEAR;
  }

  /** The sentence a refusal gives, naming the field. */
  public static String dateRule(String field) {
    return field + " must be a date from " + FIRST_DAY + " to " + LAST_DAY;
  }
}
