package org.forumledger.events.testing;

import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumReclassified;

/** A {@link ForumReclassified}: into another area as a collaboration of kind "styrgrupp". */
public final class ForumReclassifiedBuilder
    extends EventBuilder<ForumReclassified, ForumReclassifiedBuilder> {

  private String area = "Stadsutveckling";
  private String subarea;
  private ForumKind kind = ForumKind.COLLABORATION;
  private String collaborationType = "styrgrupp";

  ForumReclassifiedBuilder(String forumId) {
    super(forumId);
  }

  public ForumReclassifiedBuilder inArea(String area) {
    this.area = area;
    return this;
  }

  public ForumReclassifiedBuilder subarea(String subarea) {
    this.subarea = subarea;
    return this;
  }

  public ForumReclassifiedBuilder kind(ForumKind kind, String collaborationType) {
    this.kind = kind;
    this.collaborationType = collaborationType;
    return this;
  }

  @Override
  public ForumReclassified payload() {
    return new ForumReclassified(forumId, area, subarea, kind, collaborationType);
  }
}
