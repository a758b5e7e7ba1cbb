package org.forumledger.events;

/**
 * Every fact the registry publishes: the facts about one forum ({@link ForumEvent}) and the
 * ledger's own settings, such as a year's cost rates ({@link CostRatesRecorded}). All of them go to
 * the one topic in the one hash chain; each is keyed by its stream, whose id is the Kafka record
 * key, the registry's aggregate id and the metadata's {@code forumId} (a forum's id for a forum
 * event).
 */
public sealed interface LedgerEvent
    permits ForumEvent, CostRatesRecorded, UnitEvent, GoalEvent, ReviewEvent {

  /** The stream the event belongs to: a forum's id, or {@link CostRatesRecorded#streamIdOf}. */
  String streamId();
}
