package org.forumledger.events;

/**
 * A fact about one review round of the city's participation in forums; its stream is {@link
 * #streamIdOf review-ID}. The reviewer is the event's actor in the metadata.
 */
public sealed interface ReviewEvent extends LedgerEvent
    permits ReviewOpened, ParticipationAssessed, ReviewDecisionRecorded, ReviewClosed {

  String STREAM_PREFIX = "review-";

  String reviewId();

  static String streamIdOf(String reviewId) {
    return STREAM_PREFIX + reviewId;
  }

  @Override
  default String streamId() {
    return streamIdOf(reviewId());
  }
}
