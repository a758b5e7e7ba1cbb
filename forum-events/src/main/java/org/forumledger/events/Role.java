package org.forumledger.events;

/** Member, deputy, political secretary, civil servant. */
public enum Role {
  LEDAMOT,
  ERSATTARE,
  POLITISK_SEKRETERARE,
  TJANSTEPERSON
}
