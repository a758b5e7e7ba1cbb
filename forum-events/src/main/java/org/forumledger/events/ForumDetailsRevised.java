package org.forumledger.events;

import org.axonframework.serialization.Revision;

/**
 * The descriptive details of a forum were revised; the new values replace the old from the
 * effective date.
 */
@Revision("1")
public record ForumDetailsRevised(
    String forumId,
    String name,
    String purpose,
    String convener,
    Scope scope,
    CountRange meetingsPerYear,
    MeetingMode meetingMode)
    implements ForumEvent {}
