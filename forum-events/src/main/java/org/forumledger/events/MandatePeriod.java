package org.forumledger.events;

/**
 * A budget mandate period (mandatperiod), both years included, such as 2023–2026.
 *
 * @param fromYear its first budget year
 * @param toYear its last budget year
 */
public record MandatePeriod(int fromYear, int toYear) {

  public MandatePeriod {
    if (toYear < fromYear) {
      throw new IllegalArgumentException("a mandate period ends after it begins: " + fromYear);
    }
  }

  public boolean contains(int year) {
    return year >= fromYear && year <= toYear;
  }

  /** As people write it: {@code 2023-2026}. */
  public String label() {
    return fromYear + "-" + toYear;
  }

  /** Reads {@link #label()}. */
  public static MandatePeriod parse(String label) {
    String[] years = label.split("[-–]");
    if (years.length != 2) {
      throw new IllegalArgumentException("a mandate period is written FROM-TO: " + label);
    }
    return new MandatePeriod(Integer.parseInt(years[0].trim()), Integer.parseInt(years[1].trim()));
  }
}
