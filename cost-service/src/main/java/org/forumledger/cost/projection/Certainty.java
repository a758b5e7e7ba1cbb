package org.forumledger.cost.projection;

/** Whether a figure rests on a fact recorded for its year, or was derived by a projection rule. */
public enum Certainty {
  ACTUAL,
  PROJECTED
}
