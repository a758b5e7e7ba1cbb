package org.forumledger.events;

/** How an annual fee is determined. */
public enum FeeBasis {
  FIXED,
  PER_INHABITANT,
  PROJECT_SHARE
}
