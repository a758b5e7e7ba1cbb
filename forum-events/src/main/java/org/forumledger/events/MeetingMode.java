package org.forumledger.events;

/** How a forum meets. */
public enum MeetingMode {
  DIGITAL,
  PHYSICAL,
  MIXED
}
