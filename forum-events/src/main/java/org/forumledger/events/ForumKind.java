package org.forumledger.events;

/** Network (nätverk) or collaboration (samarbete). */
public enum ForumKind {
  NETWORK,
  COLLABORATION
}
