package org.forumledger.web.recording;

import java.util.List;

/**
 * An RFC 9457 problem as the services write it, with the fields it names and, when closing a review
 * is refused, the participations still missing an assessment.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldProblem> errors,
    List<Missing> missing) {

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
    missing = missing == null ? List.of() : List.copyOf(missing);
  }

  public record FieldProblem(String field, String message) {}

  /** A participation a review still lacks an assessment of. */
  public record Missing(String forumId, String body) {}
}
