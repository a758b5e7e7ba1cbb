package org.forumledger.registry.review;

import org.forumledger.events.ParticipationRef;

/** A participation the review does not assess (answered with 404). */
public class NotInReviewScope extends RuntimeException {

  public NotInReviewScope(String reviewId, ParticipationRef participation) {
    super(
        "The participation of "
            + participation.body()
            + " in forum "
            + participation.forumId()
            + " is not in the scope of review "
            + reviewId
            + ".");
  }
}
