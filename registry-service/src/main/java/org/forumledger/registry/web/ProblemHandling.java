package org.forumledger.registry.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.forumledger.registry.forum.api.IdempotentRequests.IdempotencyKeyReusedException;
import org.forumledger.registry.forum.api.IdempotentRequests.IdempotentRequestInProgressException;
import org.forumledger.registry.forum.api.InvalidRequestException;
import org.forumledger.registry.forum.api.UnknownForumException;
import org.forumledger.registry.forum.domain.ForumRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Turns every error into an RFC 9457 problem with a stable type URI: 400 malformed, 404 unknown,
 * 409 conflict, 412 stale version, 413 too large, 422 rule broken. Bad input never becomes a 500.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
  private static final String TYPE_BASE = ProblemResponses.TYPE_BASE;

  @ExceptionHandler(Exception.class)
  public Mono<ResponseEntity<Object>> handleAny(Exception raised, ServerWebExchange exchange) {
    Throwable error = unwrap(raised);
    if (error instanceof ForumRuleViolation violation) {
      ProblemDetail problem =
          problem(
              HttpStatus.UNPROCESSABLE_ENTITY,
              "rule-broken",
              "A rule of the forum was broken",
              violation.getMessage());
      if (violation.field() != null) {
        problem.setProperty(
            "errors",
            List.of(Map.of("field", violation.field(), "message", violation.getMessage())));
      }
      return respond(problem);
    }
    if (error instanceof UnknownForumException || error instanceof AggregateNotFoundException) {
      return respond(
          problem(HttpStatus.NOT_FOUND, "unknown-forum", "Unknown forum", error.getMessage()));
    }
    if (error instanceof ConflictingAggregateVersionException) {
      return respond(
          problem(
              HttpStatus.PRECONDITION_FAILED,
              "stale-version",
              "The forum has changed since you read it",
              "The If-Match version is not the forum's current version; read it again and retry."));
    }
    if (error instanceof ConcurrencyException) {
      return respond(
          problem(
              HttpStatus.CONFLICT,
              "concurrent-change",
              "Another change to this forum happened at the same time",
              "Nothing was written; read the forum again and retry."));
    }
    if (error instanceof InvalidRequestException invalid) {
      ProblemDetail problem =
          problem(
              HttpStatus.BAD_REQUEST,
              "malformed-request",
              "Malformed request",
              invalid.getMessage());
      problem.setProperty(
          "errors", List.of(Map.of("field", invalid.field(), "message", invalid.getMessage())));
      return respond(problem);
    }
    if (error instanceof IdempotencyKeyReusedException) {
      return respond(
          problem(
              HttpStatus.UNPROCESSABLE_ENTITY,
              "idempotency-key-reused",
              "Idempotency-Key reused",
              error.getMessage()));
    }
    if (error instanceof IdempotentRequestInProgressException) {
      return respond(
          problem(
              HttpStatus.CONFLICT,
              "idempotent-request-in-progress",
              "Request in progress",
              error.getMessage()));
    }
    log.error("Unexpected failure on {}", exchange.getRequest().getPath(), error);
    return respond(
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Internal error",
            "The request could not be completed; nothing was written."));
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
      WebExchangeBindException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-fields",
            "Invalid fields",
            "One or more fields are missing or invalid.");
    problem.setProperty(
        "errors",
        ex.getFieldErrors().stream()
            .map(
                e ->
                    Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
            .toList());
    return respond(problem);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    if (causedBy(ex, DataBufferLimitException.class)) {
      return respond(
          problem(
              HttpStatus.CONTENT_TOO_LARGE,
              "body-too-large",
              "Request body too large",
              "The request body exceeds the limit of 64 KB."));
    }
    String field = jsonField(ex);
    if (field == null
        && ex.getMethodParameter() != null
        && !ex.getMethodParameter()
            .hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
      // a path variable or header; a body that is not JSON at all has no field to name
      field = ex.getMethodParameter().getParameterName();
    }
    String detail =
        field == null
            ? "The request could not be read: " + readable(ex)
            : "The value of '" + field + "' could not be read: " + readable(ex);
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
    if (field != null) {
      problem.setProperty("errors", List.of(Map.of("field", field, "message", readable(ex))));
    }
    return respond(problem);
  }

  /**
   * The JSON path of the offending value, e.g. {@code lines[0].amountSek}, when Jackson knows it.
   */
  private static String jsonField(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof tools.jackson.core.JacksonException json && !json.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (tools.jackson.core.JacksonException.Reference reference : json.getPath()) {
          if (reference.getPropertyName() != null) {
            path.append(path.length() == 0 ? "" : ".").append(reference.getPropertyName());
          } else if (reference.getIndex() >= 0) {
            path.append('[').append(reference.getIndex()).append(']');
          }
        }
        return path.length() == 0 ? null : path.toString();
      }
    }
    return null;
  }

  /** Jackson's first message line, without the Java type names it mentions. */
  private static String readable(ServerWebInputException ex) {
    Throwable cause = ex.getMostSpecificCause();
    String message = cause.getMessage() == null ? ex.getReason() : cause.getMessage();
    if (message == null) {
      return "malformed input";
    }
    int newline = message.indexOf('\n');
    String line = newline > 0 ? message.substring(0, newline) : message;
    return line.replaceAll("`[a-z][\\w$]*(\\.[\\w$]+)+`", "the expected type")
        .replaceAll("\\(class [\\w.$]+\\)", "")
        .strip();
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while (current.getCause() != null
        && !(current instanceof ForumRuleViolation)
        && !(current instanceof ConflictingAggregateVersionException)
        && (current instanceof java.util.concurrent.CompletionException
            || current instanceof java.util.concurrent.ExecutionException
            || current instanceof org.axonframework.commandhandling.CommandExecutionException
            || current.getClass().getName().startsWith("reactor.core"))) {
      current = current.getCause();
    }
    return current;
  }

  private static ProblemDetail problem(
      HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + slug));
    problem.setTitle(title);
    return problem;
  }

  private static Mono<ResponseEntity<Object>> respond(ProblemDetail problem) {
    return Mono.just(ResponseEntity.status(problem.getStatus()).body(problem));
  }
}
