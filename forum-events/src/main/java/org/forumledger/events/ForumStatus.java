package org.forumledger.events;

/** Whether the city takes part; only an active forum incurs recurring costs. */
public enum ForumStatus {
  ACTIVE,
  PAUSED,
  INACTIVE,
  ENDED
}
