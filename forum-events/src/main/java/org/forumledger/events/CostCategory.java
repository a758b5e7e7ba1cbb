package org.forumledger.events;

/** Categories of other costs (arbetstid, resa, logi, traktamente, arvode). */
public enum CostCategory {
  STAFF_TIME,
  TRAVEL,
  LODGING,
  PER_DIEM,
  ARVODE,
  OTHER
}
