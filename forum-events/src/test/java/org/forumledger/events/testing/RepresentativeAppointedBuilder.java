package org.forumledger.events.testing;

import java.time.LocalDate;
import org.forumledger.events.Body;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.events.Role;

/** A {@link RepresentativeAppointed}: a KS member from 2023-01-01, open-ended. */
public final class RepresentativeAppointedBuilder
    extends EventBuilder<RepresentativeAppointed, RepresentativeAppointedBuilder> {

  private final String appointmentId;
  private String person = "Anna Andersson";
  private Body body = Body.KS;
  private Role role = Role.LEDAMOT;
  private LocalDate from = LocalDate.of(2023, 1, 1);
  private LocalDate to;

  RepresentativeAppointedBuilder(String forumId, String appointmentId) {
    super(forumId);
    this.appointmentId = appointmentId;
  }

  public RepresentativeAppointedBuilder person(String personName) {
    this.person = personName;
    return this;
  }

  public RepresentativeAppointedBuilder of(Body body) {
    this.body = body;
    return this;
  }

  public RepresentativeAppointedBuilder as(Role role) {
    this.role = role;
    return this;
  }

  /** Valid from one date to another (inclusive), or open-ended when {@code to} is null. */
  public RepresentativeAppointedBuilder valid(String from, String to) {
    this.from = date(from);
    this.to = date(to);
    return this;
  }

  @Override
  protected LocalDate naturalDate() {
    return from;
  }

  @Override
  public RepresentativeAppointed payload() {
    return new RepresentativeAppointed(forumId, appointmentId, person, body, role, from, to);
  }
}
