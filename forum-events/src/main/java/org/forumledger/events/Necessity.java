package org.forumledger.events;

/** A reviewer's judgement of whether a participation is necessary for the unit's mission. */
public enum Necessity {
  NECESSARY,
  NOT_NECESSARY,
  UNCERTAIN
}
