package org.forumledger.reporting.api;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Maps typed exceptions to RFC 9457 problem details with stable type URIs. */
@RestControllerAdvice
public class ProblemAdvice {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
  public static final String BASE = "https://forumledger.org/problems/";

  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail invalid(InvalidParameterException e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", e.getMessage());
    problem.setProperty("parameter", e.parameter());
    return problem;
  }

  @ExceptionHandler(ServerWebInputException.class)
  ProblemDetail malformed(ServerWebInputException e) {
    return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", e.getReason());
  }

  @ExceptionHandler(ForumNotFoundException.class)
  ProblemDetail notFound(ForumNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "unknown-forum", "Unknown forum", e.getMessage());
  }

  @ExceptionHandler(RuleViolationException.class)
  ProblemDetail rule(RuleViolationException e) {
    return problem(HttpStatus.valueOf(422), "rule-broken", "Rule broken", e.getMessage());
  }

  /** Whatever else fails is a 500 in the same problem shape, without internals. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    if (e instanceof org.springframework.web.server.ResponseStatusException status) {
      HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
      return problem(
          code,
          code.is4xxClientError() ? "bad-request" : "upstream-failure",
          code.getReasonPhrase(),
          status.getReason());
    }
    log.error("Unexpected failure", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "The request could not be completed.");
  }

  public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(BASE + slug));
    problem.setTitle(title);
    return problem;
  }
}
