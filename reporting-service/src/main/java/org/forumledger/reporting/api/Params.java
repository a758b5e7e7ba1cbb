package org.forumledger.reporting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.forumledger.events.LedgerCalendar;
import org.forumledger.events.MandatePeriod;
import org.forumledger.reporting.history.TimeSlice;

/**
 * Parses query parameters into typed values, so a bad value is a typed 400 with the parameter's
 * name rather than a framework error.
 */
public final class Params {

  private Params() {}

  public static int year(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameterException("year", "year is required, e.g. year=2023");
    }
    try {
      int year = Integer.parseInt(value.trim());
      if (!LedgerCalendar.accepts(year)) {
        throw new InvalidParameterException("year", LedgerCalendar.yearRule("year"));
      }
      return year;
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(
          "year", "year must be a whole number, got '" + value + "'");
    }
  }

  /** A whole number of at least {@code min}, or null when not given. */
  public static Long optionalLong(String name, String value, long min) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long number = Long.parseLong(value.trim());
      if (number < min) {
        throw new InvalidParameterException(name, name + " must be at least " + min);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, name + " must be a whole number");
    }
  }

  public static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.trim());
      if (!LedgerCalendar.accepts(date)) {
        throw new InvalidParameterException(name, LedgerCalendar.dateRule(name));
      }
      return date;
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(name, name + " must be an ISO date like 2023-12-31");
    }
  }

  public static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      Instant instant = Instant.parse(value.trim());
      if (!LedgerCalendar.accepts(instant)) {
        throw new InvalidParameterException(name, LedgerCalendar.dateRule(name));
      }
      return instant;
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(
          name, name + " must be an ISO instant like 2024-02-26T00:00:00Z");
    }
  }

  /** An instant, or a date taken as its first (or, when {@code endOfDay}, last) moment in UTC. */
  public static Instant instantOrDate(String name, String value, boolean endOfDay) {
    if (value != null && value.trim().length() == 10) {
      LocalDate date = date(name, value);
      return endOfDay
          ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000)
          : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return instant(name, value);
  }

  /** A mandate period written FROM-TO, e.g. 2023-2026; null when not given. */
  public static MandatePeriod period(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      MandatePeriod period = MandatePeriod.parse(value.trim());
      if (!LedgerCalendar.accepts(period.fromYear()) || !LedgerCalendar.accepts(period.toYear())) {
        throw new InvalidParameterException(name, LedgerCalendar.yearRule(name));
      }
      return period;
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(
          name, name + " must be a mandate period written FROM-TO, e.g. 2023-2026");
    }
  }

  public static TimeSlice slice(String asOf, String knownAt) {
    return new TimeSlice(date("asOf", asOf), instant("knownAt", knownAt));
  }
}
