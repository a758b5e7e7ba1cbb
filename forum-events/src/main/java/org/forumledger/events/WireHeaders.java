package org.forumledger.events;

/** Kafka header names on every published record. */
public final class WireHeaders {
  public static final String EVENT_TYPE = "event-type";
  public static final String EVENT_VERSION = "event-version";
  public static final String EVENT_ID = "event-id";

  private WireHeaders() {}
}
