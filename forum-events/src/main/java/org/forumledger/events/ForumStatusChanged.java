package org.forumledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The forum became active, paused, inactive or ended from {@code effectiveFrom}. */
@Revision("1")
public record ForumStatusChanged(String forumId, ForumStatus status, LocalDate effectiveFrom)
    implements ForumEvent {}
