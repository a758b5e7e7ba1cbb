package org.forumledger.events.testing;

import org.forumledger.events.CountRange;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.Scope;

/** A {@link ForumRegistered}: a regional network convened by SKR, named after its id. */
public final class ForumRegisteredBuilder
    extends EventBuilder<ForumRegistered, ForumRegisteredBuilder> {

  private String reference = "2.1.1";
  private String name;
  private String purpose;
  private String area = "Regional utveckling";
  private String subarea;
  private ForumKind kind = ForumKind.NETWORK;
  private String collaborationType;
  private String convener = "SKR";
  private Scope scope = Scope.REGIONAL;
  private CountRange meetings = new CountRange(2, 4);
  private MeetingMode mode = MeetingMode.MIXED;

  ForumRegisteredBuilder(String forumId) {
    super(forumId);
  }

  public ForumRegisteredBuilder reference(String inventoryReference) {
    this.reference = inventoryReference;
    return this;
  }

  public ForumRegisteredBuilder named(String name) {
    this.name = name;
    return this;
  }

  public ForumRegisteredBuilder purpose(String purpose) {
    this.purpose = purpose;
    return this;
  }

  public ForumRegisteredBuilder inArea(String area) {
    this.area = area;
    return this;
  }

  public ForumRegisteredBuilder subarea(String subarea) {
    this.subarea = subarea;
    return this;
  }

  public ForumRegisteredBuilder kind(ForumKind kind, String collaborationType) {
    this.kind = kind;
    this.collaborationType = collaborationType;
    return this;
  }

  public ForumRegisteredBuilder convenedBy(String convener) {
    this.convener = convener;
    return this;
  }

  public ForumRegisteredBuilder scope(Scope scope) {
    this.scope = scope;
    return this;
  }

  public ForumRegisteredBuilder meetings(int min, int max) {
    this.meetings = new CountRange(min, max);
    return this;
  }

  public ForumRegisteredBuilder meetingMode(MeetingMode mode) {
    this.mode = mode;
    return this;
  }

  @Override
  public ForumRegistered payload() {
    String named = name == null ? "Forum " + forumId : name;
    return new ForumRegistered(
        forumId,
        reference,
        named,
        purpose == null ? "purpose of " + named : purpose,
        area,
        subarea,
        kind,
        collaborationType,
        convener,
        scope,
        meetings,
        mode);
  }
}
