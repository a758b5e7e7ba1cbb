package org.forumledger.events;

import org.axonframework.serialization.Revision;

/**
 * How many take part for a body in a year where names are not kept, as a range and as the source
 * wrote it ("1-2", "2 per forum"). A later record for the same body and year replaces the earlier.
 */
@Revision("1")
public record HeadcountRecorded(
    String forumId, int year, Body body, CountRange headcount, String asWritten)
    implements ForumEvent {}
