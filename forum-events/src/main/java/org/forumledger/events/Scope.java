package org.forumledger.events;

/** Geographical reach of a forum. */
public enum Scope {
  REGIONAL,
  NATIONAL,
  INTERNATIONAL
}
