package org.forumledger.web.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One event of the audit history: what happened, to which forum, who recorded it, why, when. */
public record AuditEntry(
    long seq,
    String forumId,
    String eventType,
    long globalPosition,
    Instant recordedAt,
    LocalDate effectiveDate,
    String actor,
    String reason,
    String decisionReference,
    Map<String, Object> payload,
    String hash) {

  public AuditEntry {
    payload = payload == null ? Map.of() : payload;
  }

  /** The event's logical name without its {@code forum.} prefix, the key of its label. */
  public String kind() {
    return kind(eventType);
  }

  public String summary() {
    return summary(payload);
  }

  /**
   * The page of the stream the event is on: a review's, the units', the goals', or else a forum's
   * (the stream id is the review's, unit's or goal's id with its prefix).
   */
  public String page() {
    if (forumId == null) {
      return "/audit";
    }
    if (forumId.startsWith("review-")) {
      return "/reviews/" + forumId.substring("review-".length());
    }
    if (forumId.startsWith("unit-")) {
      return "/units";
    }
    if (forumId.startsWith("goal-")) {
      return "/goals";
    }
    return "/forums/" + forumId;
  }

  public static String kind(String eventType) {
    return eventType == null ? "" : eventType.substring(eventType.indexOf('.') + 1);
  }

  /** An event's own facts in a line, in the order a reader looks for them. */
  public static String summary(Map<String, Object> payload) {
    return Stream.of(
            "name",
            "fromYear",
            "toYear",
            "year",
            "body",
            "asWritten",
            "status",
            "amountSek",
            "totalSek",
            "reportedUnder",
            "personName",
            "role",
            "area",
            "kind",
            "unit",
            "title",
            "period",
            "participation",
            "necessity",
            "rationale",
            "goalIds",
            "recommendation",
            "decision",
            "benefitForResidents",
            "closedOn")
        .filter(key -> payload.get(key) != null)
        .map(key -> key + ": " + Objects.toString(payload.get(key)))
        .collect(Collectors.joining(" · "));
  }
}
