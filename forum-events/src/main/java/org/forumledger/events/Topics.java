package org.forumledger.events;

/** The one place that names the topics. Records are keyed by forum id. */
public final class Topics {

  /** Every forum event the registry stores, in store order per forum. */
  public static final String FORUM_EVENTS = "forum-ledger.forum-events.v1";

  /** Where the consumers park a message that keeps failing, with its original headers. */
  public static String deadLetter(String consumerGroup) {
    return FORUM_EVENTS + "." + consumerGroup + ".dlt";
  }

  private Topics() {}
}
