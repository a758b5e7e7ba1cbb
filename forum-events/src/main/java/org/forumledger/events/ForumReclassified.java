package org.forumledger.events;

import org.axonframework.serialization.Revision;

/** The forum was moved to another area, subarea or kind. */
@Revision("1")
public record ForumReclassified(
    String forumId, String area, String subarea, ForumKind kind, String collaborationType)
    implements ForumEvent {}
