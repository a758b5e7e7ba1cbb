package org.forumledger.web.review;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a participation's forms show when drawn: the assessment as it stands (a reviewer correcting
 * it changes only what they change), and for the decision the decision as it stands or else the
 * reviewer's recommendation, which the board most often takes.
 */
final class ReviewValues {

  private ReviewValues() {}

  static Map<String, String> assessment(City.Participation participation) {
    Map<String, String> values = new LinkedHashMap<>();
    City.Assessment a = participation.assessment();
    if (a == null) {
      values.put("necessity", "NECESSARY");
      values.put("recommendationKind", "CONTINUE");
      return values;
    }
    put(values, "necessity", a.necessity());
    put(values, "rationale", a.rationale());
    put(values, "goalIds", String.join(",", a.goalIds()));
    course(values, "recommendation", a.recommendation());
    return values;
  }

  static Map<String, String> decision(City.Participation participation) {
    Map<String, String> values = new LinkedHashMap<>();
    City.Decision d = participation.decision();
    if (d != null) {
      course(values, "decision", d.decision());
      put(values, "decisionReference", d.decisionReference());
      put(values, "decidedOn", d.decidedOn());
    } else if (participation.assessment() != null) {
      course(values, "decision", participation.assessment().recommendation());
    } else {
      values.put("decisionKind", "CONTINUE");
    }
    return values;
  }

  private static void course(Map<String, String> values, String prefix, City.Course course) {
    if (course == null) {
      return;
    }
    put(values, prefix + "Kind", course.kind());
    put(values, prefix + "LeaveFrom", course.leaveFrom());
    put(values, prefix + "CoordinateWith", course.coordinateWith());
    put(values, prefix + "MergeWithForumId", course.mergeWithForumId());
  }

  private static void put(Map<String, String> values, String field, Object value) {
    if (value != null) {
      values.put(field, value.toString());
    }
  }
}
