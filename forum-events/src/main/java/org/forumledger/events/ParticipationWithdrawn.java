package org.forumledger.events;

import org.axonframework.serialization.Revision;

/** The meeting recorded as {@code participationId} was withdrawn (recorded by mistake). */
@Revision("1")
public record ParticipationWithdrawn(String forumId, String participationId)
    implements ForumEvent {}
