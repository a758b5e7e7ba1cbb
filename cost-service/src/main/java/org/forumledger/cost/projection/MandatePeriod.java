package org.forumledger.cost.projection;

import java.util.List;

/** A budget mandate period, e.g. 2023–2026, both years included. */
public record MandatePeriod(int from, int to) {

  public MandatePeriod {
    if (to < from) {
      throw new IllegalArgumentException(
          "Mandate period ends before it starts: " + from + "-" + to);
    }
  }

  public boolean contains(int year) {
    return from <= year && year <= to;
  }

  public List<Integer> years() {
    return new YearRange(from, to).years();
  }

  @Override
  public String toString() {
    return from + "-" + to;
  }
}
