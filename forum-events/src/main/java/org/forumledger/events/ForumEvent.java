package org.forumledger.events;

/**
 * A fact about one forum, as the registry recorded it; its stream is the forum. Every event is
 * keyed by its forum, so one forum's events stay in order on the topic. Time of validity, reason,
 * decision reference, actor and correlation travel beside the event as {@link EventMetadata}, not
 * inside it.
 */
public sealed interface ForumEvent extends LedgerEvent
    permits ForumRegistered,
        ForumDetailsRevised,
        ForumReclassified,
        ForumStatusChanged,
        RepresentativeAppointed,
        AppointmentEnded,
        HeadcountRecorded,
        AnnualFeeSet,
        AnnualFeeWithdrawn,
        OtherCostRecorded,
        OtherCostWithdrawn,
        ParticipationRecorded,
        ParticipationWithdrawn,
        ForumGoalsLinked {

  String forumId();

  @Override
  default String streamId() {
    return forumId();
  }
}
