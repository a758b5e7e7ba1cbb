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
    implements ForumEvent {

  /** The forum's details after {@code revised}: what a reader of the stream knows from then on. */
  public ForumRegistered revisedBy(ForumDetailsRevised revised) {
    return new ForumRegistered(
        forumId,
        inventoryReference,
        revised.name(),
        revised.purpose(),
        area,
        subarea,
        kind,
        collaborationType,
        revised.convener(),
        revised.scope(),
        revised.meetingsPerYear(),
        revised.meetingMode());
  }

  /** The forum's details after {@code reclassified}. */
  public ForumRegistered reclassifiedBy(ForumReclassified reclassified) {
    return new ForumRegistered(
        forumId,
        inventoryReference,
        name,
        purpose,
        reclassified.area(),
        reclassified.subarea(),
        reclassified.kind(),
        reclassified.collaborationType(),
        convener,
        scope,
        meetingsPerYear,
        meetingMode);
  }
}
