package org.forumledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A person was appointed to represent the city in the forum, usually for a mandate period.
 *
 * @param validTo the last day of the appointment, or null while open-ended
 */
@Revision("1")
public record RepresentativeAppointed(
    String forumId,
    String appointmentId,
    String personName,
    Body body,
    Role role,
    LocalDate validFrom,
    LocalDate validTo)
    implements ForumEvent {}
