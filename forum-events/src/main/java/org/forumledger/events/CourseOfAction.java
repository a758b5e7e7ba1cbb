package org.forumledger.events;

import java.time.LocalDate;

/**
 * What to do with a participation, as a reviewer recommends it or as the board decides it.
 *
 * @param kind continue, leave, coordinate or merge
 * @param leaveFrom for {@link Kind#LEAVE}: the first day the unit no longer takes part
 * @param coordinateWith for {@link Kind#COORDINATE}: the unit to coordinate with
 * @param mergeWithForumId for {@link Kind#MERGE}: the forum to merge with
 */
public record CourseOfAction(
    Kind kind, LocalDate leaveFrom, Body coordinateWith, String mergeWithForumId) {

  public enum Kind {
    CONTINUE,
    LEAVE,
    COORDINATE,
    MERGE
  }

  public static CourseOfAction toContinue() {
    return new CourseOfAction(Kind.CONTINUE, null, null, null);
  }

  public static CourseOfAction leave(LocalDate from) {
    return new CourseOfAction(Kind.LEAVE, from, null, null);
  }

  public static CourseOfAction coordinateWith(Body unit) {
    return new CourseOfAction(Kind.COORDINATE, null, unit, null);
  }

  public static CourseOfAction mergeWith(String forumId) {
    return new CourseOfAction(Kind.MERGE, null, null, forumId);
  }

  /** The rule a command is held to: each kind has its one detail and no other. */
  public boolean complete() {
    return kind != null
        && (kind == Kind.LEAVE) == (leaveFrom != null)
        && (kind == Kind.COORDINATE) == (coordinateWith != null)
        && (kind == Kind.MERGE) == (mergeWithForumId != null);
  }
}
