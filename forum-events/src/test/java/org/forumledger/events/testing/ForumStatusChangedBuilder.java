package org.forumledger.events.testing;

import java.time.LocalDate;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ForumStatusChanged;

/** A {@link ForumStatusChanged}, from 2023-01-01 unless told; effective from that date. */
public final class ForumStatusChangedBuilder
    extends EventBuilder<ForumStatusChanged, ForumStatusChangedBuilder> {

  private final ForumStatus status;
  private LocalDate from = LocalDate.of(2023, 1, 1);

  ForumStatusChangedBuilder(String forumId, ForumStatus status) {
    super(forumId);
    this.status = status;
  }

  public ForumStatusChangedBuilder from(String date) {
    return from(LocalDate.parse(date));
  }

  public ForumStatusChangedBuilder from(LocalDate date) {
    this.from = date;
    return this;
  }

  @Override
  protected LocalDate naturalDate() {
    return from;
  }

  @Override
  public ForumStatusChanged payload() {
    return new ForumStatusChanged(forumId, status, from);
  }
}
