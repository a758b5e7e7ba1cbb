package org.forumledger.events.testing;

import org.forumledger.events.CountRange;
import org.forumledger.events.ForumDetailsRevised;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.Scope;

/** A {@link ForumDetailsRevised}: the defaults of a registration, under a revised name. */
public final class ForumDetailsRevisedBuilder
    extends EventBuilder<ForumDetailsRevised, ForumDetailsRevisedBuilder> {

  private String name;
  private String purpose;
  private String convener = "SKR";
  private Scope scope = Scope.REGIONAL;
  private CountRange meetings = new CountRange(2, 4);
  private MeetingMode mode = MeetingMode.MIXED;

  ForumDetailsRevisedBuilder(String forumId) {
    super(forumId);
  }

  public ForumDetailsRevisedBuilder named(String name) {
    this.name = name;
    return this;
  }

  public ForumDetailsRevisedBuilder purpose(String purpose) {
    this.purpose = purpose;
    return this;
  }

  public ForumDetailsRevisedBuilder convenedBy(String convener) {
    this.convener = convener;
    return this;
  }

  public ForumDetailsRevisedBuilder scope(Scope scope) {
    this.scope = scope;
    return this;
  }

  public ForumDetailsRevisedBuilder meetings(int min, int max) {
    this.meetings = new CountRange(min, max);
    return this;
  }

  public ForumDetailsRevisedBuilder meetingMode(MeetingMode mode) {
    this.mode = mode;
    return this;
  }

  @Override
  public ForumDetailsRevised payload() {
    String named = name == null ? "Forum " + forumId + " (revised)" : name;
    return new ForumDetailsRevised(
        forumId,
        named,
        purpose == null ? "purpose of " + named : purpose,
        convener,
        scope,
        meetings,
        mode);
  }
}
