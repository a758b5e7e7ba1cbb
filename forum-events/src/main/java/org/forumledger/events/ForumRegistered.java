package org.forumledger.events;

import org.axonframework.serialization.Revision;

/**
 * A forum entered the registry. Revision 2 carries meetings per year as a range and the
 * geographical scope; revision 1 had a single number and no scope (see the registry's upcaster).
 *
 * @param inventoryReference the section of the inventory the forum was first listed in, e.g. {@code
 *     2.2.10}
 */
@Revision("2")
public record ForumRegistered(
    String forumId,
    String inventoryReference,
    String name,
    String purpose,
    String area,
    String subarea,
    ForumKind kind,
    String collaborationType,
    String convener,
    Scope scope,
    CountRange meetingsPerYear,
    MeetingMode meetingMode)
    implements ForumEvent {}
