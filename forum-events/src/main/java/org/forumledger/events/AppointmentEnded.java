package org.forumledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An appointment ended on {@code endedOn} (its last day). */
@Revision("1")
public record AppointmentEnded(String forumId, String appointmentId, LocalDate endedOn)
    implements ForumEvent {}
