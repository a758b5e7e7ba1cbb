package org.forumledger.cost.api;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Every API failure as RFC 9457 problem+json with a stable type URI. */
/** Ordered first, so these mappings win over Boot's generic problem-details handler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

  static final String BASE = "https://forumledger.org/problems/";
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(ApiProblems.InvalidParameter.class)
  ResponseEntity<ProblemDetail> invalid(ApiProblems.InvalidParameter e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", e.getMessage());
    problem.setProperty("parameter", e.parameter());
    return respond(problem);
  }

  /**
   * Type mismatches and missing values in paths and query strings, e.g. {@code /costs/years/abc}.
   */
  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<ProblemDetail> input(ServerWebInputException e) {
    String detail = e.getReason() == null ? "Malformed request" : e.getReason();
    if (e.getCause() instanceof TypeMismatchException mismatch
        && mismatch.getRequiredType() != null) {
      detail =
          "'"
              + mismatch.getValue()
              + "' is not a valid "
              + mismatch.getRequiredType().getSimpleName();
    }
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", detail);
    if (e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null) {
      problem.setProperty("parameter", e.getMethodParameter().getParameterName());
    }
    return respond(problem);
  }

  @ExceptionHandler(ApiProblems.UnknownForum.class)
  ResponseEntity<ProblemDetail> unknownForum(ApiProblems.UnknownForum e) {
    return respond(problem(HttpStatus.NOT_FOUND, "unknown-forum", "Unknown forum", e.getMessage()));
  }

  @ExceptionHandler(ApiProblems.UnknownMandatePeriod.class)
  ResponseEntity<ProblemDetail> unknownPeriod(ApiProblems.UnknownMandatePeriod e) {
    return respond(
        problem(
            HttpStatus.NOT_FOUND,
            "unknown-mandate-period",
            "Unknown mandate period",
            e.getMessage()));
  }

  @ExceptionHandler(ApiProblems.RuleBroken.class)
  ResponseEntity<ProblemDetail> rule(ApiProblems.RuleBroken e) {
    return respond(
        problem(HttpStatus.UNPROCESSABLE_CONTENT, e.slug(), "Rule broken", e.getMessage()));
  }

  @ExceptionHandler(ApiProblems.PositionMismatch.class)
  ResponseEntity<ProblemDetail> position(ApiProblems.PositionMismatch e) {
    return respond(
        problem(
            HttpStatus.CONFLICT, "position-not-current", "Position not current", e.getMessage()));
  }

  private static ProblemDetail problem(
      HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(BASE + slug));
    problem.setTitle(title);
    log.debug("{} {}: {}", status.value(), slug, detail);
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
