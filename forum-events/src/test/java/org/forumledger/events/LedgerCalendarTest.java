package org.forumledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LedgerCalendarTest {

  @Test
  void acceptsTheBoundsAndNothingOutsideThem() {
    assertThat(LedgerCalendar.accepts(1900)).isTrue();
    assertThat(LedgerCalendar.accepts(2200)).isTrue();
    assertThat(LedgerCalendar.accepts(1899)).isFalse();
    assertThat(LedgerCalendar.accepts(2201)).isFalse();
  }

  @Test
  void refusesDatesThatNoReaderCouldReach() {
    assertThat(LedgerCalendar.accepts(LocalDate.of(1900, 1, 1))).isTrue();
    assertThat(LedgerCalendar.accepts(LocalDate.of(2200, 12, 31))).isTrue();
    assertThat(LedgerCalendar.accepts(LocalDate.of(1000, 1, 1))).isFalse();
    assertThat(LedgerCalendar.accepts(LocalDate.of(-1, 1, 1))).isFalse();
    assertThat(LedgerCalendar.accepts(LocalDate.of(99999, 1, 1))).isFalse();
    assertThat(LedgerCalendar.accepts((LocalDate) null)).isFalse();
  }

  @Test
  void instantsCoverTheWholeLastDay() {
    assertThat(LedgerCalendar.accepts(Instant.parse("2200-12-31T23:59:59.999Z"))).isTrue();
    assertThat(LedgerCalendar.accepts(Instant.parse("2201-01-01T00:00:00Z"))).isFalse();
    assertThat(LedgerCalendar.accepts(Instant.parse("1899-12-31T23:59:59Z"))).isFalse();
  }
}
