package org.forumledger.events;

/**
 * The one place that names the topics. Records are keyed by stream id: a forum's id, or a setting's
 * stream such as {@code cost-rates-2024}.
 */
public final class Topics {

  /** Every forum event the registry stores, in store order. */
  public static final String FORUM_EVENTS = "forum-ledger.forum-events.v1";

  /**
   * One partition: the ledger records a few thousand facts a year, and a total order makes every
   * consumer's position a true watermark, so two services at the same position hold the same events
   * (reconciliation, replay and live totals rely on it). Records stay keyed by forum id.
   */
  public static final int FORUM_EVENTS_PARTITIONS = 1;

  /** The topic is the consumers' source for rebuilds and replays: it keeps every event for ever. */
  public static final String FORUM_EVENTS_RETENTION_MS = "-1";

  /** Where the consumers park a message that keeps failing, with its original headers. */
  public static String deadLetter(String consumerGroup) {
    return FORUM_EVENTS + "." + consumerGroup + ".dlt";
  }

  private Topics() {}
}
