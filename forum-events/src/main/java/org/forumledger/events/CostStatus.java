package org.forumledger.events;

/**
 * What is known of a cost. NONE is a known zero; NOT_CALCULATED is unknown and never counts as
 * zero; REPORTED_UNDER means another forum carries it.
 */
public enum CostStatus {
  AMOUNT,
  NONE,
  NOT_CALCULATED,
  REPORTED_UNDER
}
