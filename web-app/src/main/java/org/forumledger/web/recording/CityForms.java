package org.forumledger.web.recording;

import static org.forumledger.web.recording.RecordingForm.Field.checks;
import static org.forumledger.web.recording.RecordingForm.Field.choice;
import static org.forumledger.web.recording.RecordingForm.Field.code;
import static org.forumledger.web.recording.RecordingForm.Field.date;
import static org.forumledger.web.recording.RecordingForm.Field.longText;
import static org.forumledger.web.recording.RecordingForm.Field.pageChoice;
import static org.forumledger.web.recording.RecordingForm.Field.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.forumledger.web.recording.RecordingForm.Write;
import org.springframework.http.HttpMethod;

/**
 * The forms of the city-wide review (issue 14): a unit and a council goal registered or revised, a
 * review opened, a participation assessed and decided, a review closed. Their writes' paths are the
 * registry's own, under what the page's address names ({@code /reviews/{id}/…}).
 */
public final class CityForms {

  public static final String[] UNIT_KINDS = {"COMMITTEE", "ADMINISTRATION", "COMPANY"};
  public static final String[] NECESSITIES = {"NECESSARY", "NOT_NECESSARY", "UNCERTAIN"};
  public static final String[] COURSES = {"CONTINUE", "LEAVE", "COORDINATE", "MERGE"};

  /** A unit as registered or revised: {@code PUT /units/{code}}. */
  public static final RecordingForm UNIT =
      new RecordingForm(
          "unit",
          null,
          List.of(
              code("code", "unit.code"),
              text("name", "unit.name", true),
              choice("kind", "unit.kind", "unitKind.", UNIT_KINDS),
              text("partOf", "unit.partOf", false),
              date("validFrom", "unit.validFrom", false),
              date("validTo", "unit.validTo", false),
              text("sourceDocument", "source.document", false),
              longText("sourcePhrase", "source.phrase", false),
              text("reason", "review.reason", false)),
          s -> {
            Map<String, Object> body =
                s.body(Set.of(), "name", "kind", "partOf", "validFrom", "validTo");
            source(s).ifPresent(source -> body.put("source", source));
            return new Write(HttpMethod.PUT, "/units/" + s.value("code"), body);
          });

  /** A council goal of a mandate period: {@code PUT /goals/{goalId}}. */
  public static final RecordingForm GOAL =
      new RecordingForm(
          "goal",
          null,
          List.of(
              code("goalId", "goal.id"),
              text("period", "goal.period", true),
              text("title", "goal.title", true),
              text("budgetReference", "goal.budgetReference", false),
              text("sourceDocument", "source.document", false),
              longText("sourcePhrase", "source.phrase", false),
              text("reason", "review.reason", false)),
          s -> {
            Map<String, Object> body = s.body(Set.of(), "period", "title", "budgetReference");
            source(s).ifPresent(source -> body.put("source", source));
            return new Write(HttpMethod.PUT, "/goals/" + s.value("goalId"), body);
          });

  /** A review opened for a mandate period: {@code POST /reviews}. */
  public static final RecordingForm OPEN_REVIEW =
      new RecordingForm(
          "review",
          null,
          List.of(
              code("reviewId", "review.id"),
              text("title", "review.titleField", true),
              text("period", "goal.period", true),
              text("decisionReference", "review.decisionReference", true),
              date("openedOn", "review.openedOn", true),
              checks("units", "review.units"),
              text("reason", "review.reason", false)),
          s -> {
            Map<String, Object> body =
                s.body(Set.of(), "reviewId", "title", "period", "decisionReference", "openedOn");
            List<String> units = s.values("units");
            if (!units.isEmpty()) {
              body.put("units", units);
            }
            return new Write(HttpMethod.POST, "/reviews", body);
          });

  /** A participation assessed: {@code PUT /reviews/{id}/assessments/{forumId}/{body}}. */
  public static final RecordingForm ASSESS =
      new RecordingForm(
          "assess",
          null,
          List.of(
              choice("necessity", "assess.necessity", "necessity.", NECESSITIES),
              longText("rationale", "assess.rationale", true),
              checks("goalIds", "assess.goalIds"),
              choice("recommendationKind", "assess.recommendation", "course.", COURSES),
              date("recommendationLeaveFrom", "course.leaveFrom", false),
              pageChoice("recommendationCoordinateWith", "course.coordinateWith", false),
              pageChoice("recommendationMergeWithForumId", "course.mergeWith", false),
              text("reason", "review.reason", false)),
          s -> {
            Map<String, Object> body = s.body(Set.of(), "necessity", "rationale");
            body.put("goalIds", s.values("goalIds"));
            body.put("recommendation", course(s, "recommendation"));
            return new Write(HttpMethod.PUT, "", body);
          });

  /** A decision recorded: {@code PUT /reviews/{id}/decisions/{forumId}/{body}}. */
  public static final RecordingForm DECIDE =
      new RecordingForm(
          "decide",
          null,
          List.of(
              choice("decisionKind", "decide.decision", "course.", COURSES),
              date("decisionLeaveFrom", "course.leaveFrom", false),
              pageChoice("decisionCoordinateWith", "course.coordinateWith", false),
              pageChoice("decisionMergeWithForumId", "course.mergeWith", false),
              text("decisionReference", "decide.decisionReference", true),
              date("decidedOn", "decide.decidedOn", true),
              text("reason", "review.reason", false)),
          s -> {
            Map<String, Object> body = s.body(Set.of(), "decisionReference", "decidedOn");
            body.put("decision", course(s, "decision"));
            return new Write(HttpMethod.PUT, "", body);
          });

  /** A review closed: {@code POST /reviews/{id}/close}. */
  public static final RecordingForm CLOSE =
      new RecordingForm(
          "close",
          null,
          List.of(date("closedOn", "close.closedOn", true)),
          s -> new Write(HttpMethod.POST, "/close", s.body(Set.of(), "closedOn")));

  private CityForms() {}

  /** What a unit's form shows when a registrar revises it: the unit as the registry has it. */
  public static Map<String, String> unitValues(
      String code,
      String name,
      String kind,
      String partOf,
      Object validFrom,
      Object validTo,
      String document,
      String phrase) {
    Map<String, String> values = new LinkedHashMap<>();
    put(values, "code", code);
    put(values, "name", name);
    put(values, "kind", kind);
    put(values, "partOf", partOf);
    put(values, "validFrom", validFrom);
    put(values, "validTo", validTo);
    put(values, "sourceDocument", document);
    put(values, "sourcePhrase", phrase);
    return values;
  }

  private static void put(Map<String, String> values, String field, Object value) {
    if (value != null && !value.toString().isBlank()) {
      values.put(field, value.toString());
    }
  }

  /** A source only when the document or the phrase was given. */
  private static java.util.Optional<Map<String, Object>> source(Submission s) {
    if (s.value("sourceDocument").isEmpty() && s.value("sourcePhrase").isEmpty()) {
      return java.util.Optional.empty();
    }
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("document", s.value("sourceDocument"));
    source.put("phrase", s.value("sourcePhrase"));
    return java.util.Optional.of(source);
  }

  /**
   * A course of action from the fields named {@code prefix + Kind, LeaveFrom, …}: only the detail
   * its kind has is sent, so a date left in a hidden field of another kind does not travel.
   */
  static Map<String, Object> course(Submission s, String prefix) {
    String kind = s.value(prefix + "Kind");
    Map<String, Object> course = new LinkedHashMap<>();
    course.put("kind", kind.isEmpty() ? null : kind);
    course.put("leaveFrom", detail(s, kind, "LEAVE", prefix + "LeaveFrom"));
    course.put("coordinateWith", detail(s, kind, "COORDINATE", prefix + "CoordinateWith"));
    course.put("mergeWithForumId", detail(s, kind, "MERGE", prefix + "MergeWithForumId"));
    return course;
  }

  private static String detail(Submission s, String kind, String wanted, String field) {
    return kind.equals(wanted) && !s.value(field).isEmpty() ? s.value(field) : null;
  }
}
