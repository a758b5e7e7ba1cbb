package org.forumledger.cost.projection;

import java.util.List;
import java.util.stream.IntStream;
import org.forumledger.events.LedgerCalendar;

/** Consecutive years, both ends included: what an answer covers. */
public record YearRange(int from, int to) {

  public YearRange {
    if (to < from) {
      throw new IllegalArgumentException("Year range ends before it starts: " + from + "-" + to);
    }
  }

  public boolean contains(int year) {
    return from <= year && year <= to;
  }

  public List<Integer> years() {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  /** The part of this range the ledger accepts ({@link LedgerCalendar}). */
  public YearRange withinLedgerCalendar() {
    return new YearRange(
        Math.max(LedgerCalendar.FIRST_YEAR, from), Math.min(LedgerCalendar.LAST_YEAR, to));
  }
}
