package org.forumledger.reporting.history;

import java.time.LocalDate;
import org.forumledger.events.Body;
import org.forumledger.events.Role;

/**
 * A representative's appointment; {@code endedOn} is set when the appointment was ended before (or
 * instead of) its planned {@code validTo}.
 */
public record Appointment(
    String appointmentId,
    String personName,
    Body body,
    Role role,
    LocalDate validFrom,
    LocalDate validTo,
    LocalDate endedOn) {

  /** The last day of the appointment, or null while it is open-ended. */
  public LocalDate lastDay() {
    if (endedOn != null && (validTo == null || endedOn.isBefore(validTo))) {
      return endedOn;
    }
    return validTo;
  }

  public boolean activeOn(LocalDate day) {
    return (validFrom == null || !validFrom.isAfter(day))
        && (lastDay() == null || !lastDay().isBefore(day));
  }

  /** Whether the appointment runs on at least one day of {@code year}. */
  public boolean activeIn(int year) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    return (validFrom == null || !validFrom.isAfter(last))
        && (lastDay() == null || !lastDay().isBefore(first));
  }
}
