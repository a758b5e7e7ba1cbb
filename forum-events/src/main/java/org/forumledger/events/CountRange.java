package org.forumledger.events;

/** A count known only as a range, e.g. "1-2" participants or 4-6 meetings a year. */
public record CountRange(int min, int max) {

  public static CountRange exactly(int count) {
    return new CountRange(count, count);
  }
}
