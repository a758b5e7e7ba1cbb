package org.forumledger.events.testing;

import java.time.LocalDate;
import org.forumledger.events.AppointmentEnded;

/** An {@link AppointmentEnded}, on 2023-12-31 unless told; effective that day. */
public final class AppointmentEndedBuilder
    extends EventBuilder<AppointmentEnded, AppointmentEndedBuilder> {

  private final String appointmentId;
  private LocalDate on = LocalDate.of(2023, 12, 31);

  AppointmentEndedBuilder(String forumId, String appointmentId) {
    super(forumId);
    this.appointmentId = appointmentId;
  }

  public AppointmentEndedBuilder on(String date) {
    this.on = LocalDate.parse(date);
    return this;
  }

  @Override
  protected LocalDate naturalDate() {
    return on;
  }

  @Override
  public AppointmentEnded payload() {
    return new AppointmentEnded(forumId, appointmentId, on);
  }
}
