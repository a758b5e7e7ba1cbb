package org.forumledger.kit.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every failure of every service becomes an RFC 9457 problem from the catalogue: the service's own
 * {@link ProblemException}s and {@link ProblemTranslator}s first, then the web framework's input
 * and routing errors, then an unreachable database as 503, and anything else as a 500 that names no
 * internals. Runs before Boot's error handler, so controllers and routing alike end here.
 */
public class ProblemHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  /** The wait a 503 suggests, unless configured ({@code ledger.problems.retry-after}). */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  private final List<ProblemTranslator> translators;
  private final Duration retryAfter;

  public ProblemHandler(List<ProblemTranslator> translators) {
    this(translators, DEFAULT_RETRY_AFTER);
  }

  public ProblemHandler(List<ProblemTranslator> translators, Duration retryAfter) {
    this.translators = List.copyOf(translators);
    this.retryAfter = retryAfter;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(failure);
    }
    Problem problem = problemFor(failure);
    if (problem.type().status().is5xxServerError()) {
      log.error(
          "{} {} failed: {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          problem.type().slug(),
          failure);
    } else {
      log.debug("{} {}: {}", problem.type().status().value(), problem.type().slug(), failure);
    }
    if (problem.type() == ProblemType.SERVICE_UNAVAILABLE) {
      exchange
          .getResponse()
          .getHeaders()
          .set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    }
    return ProblemResponses.write(exchange, problem);
  }

  public Problem problemFor(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof ProblemException known) {
        return known.problem();
      }
      for (ProblemTranslator translator : translators) {
        Problem translated = translator.translate(cause);
        if (translated != null) {
          return translated;
        }
      }
    }
    if (causedBy(failure, DataBufferLimitException.class)) {
      return Problem.of(ProblemType.BODY_TOO_LARGE, "The request body exceeds the size limit.");
    }
    if (failure instanceof WebExchangeBindException invalid) {
      return Problem.of(ProblemType.INVALID_FIELDS, "One or more fields are missing or invalid.")
          .with(
              "errors",
              invalid.getFieldErrors().stream()
                  .map(
                      e ->
                          Map.of(
                              "field",
                              e.getField(),
                              "message",
                              String.valueOf(e.getDefaultMessage())))
                  .toList());
    }
    if (failure instanceof ServerWebInputException input) {
      return InputProblems.of(input);
    }
    if (failure instanceof ErrorResponse framework) {
      return routingProblem(framework.getStatusCode().value());
    }
    if (databaseUnavailable(failure)) {
      return Problem.of(
          ProblemType.SERVICE_UNAVAILABLE,
          "The database cannot be reached right now; nothing was written. Try again shortly.");
    }
    return Problem.of(
        ProblemType.INTERNAL_ERROR, "The request could not be completed; nothing was written.");
  }

  private static Problem routingProblem(int status) {
    ProblemType type = ProblemType.forStatus(status);
    String detail =
        switch (type) {
          case NOT_FOUND -> "There is nothing at this address.";
          case METHOD_NOT_ALLOWED -> "This address does not take that method.";
          case NOT_ACCEPTABLE -> "None of the accepted media types can be produced here.";
          case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
          case INTERNAL_ERROR -> "The request could not be completed; nothing was written.";
          default -> "The request could not be handled.";
        };
    return Problem.of(type, detail);
  }

  /**
   * True when the failure means the database is away or overloaded, not that the request is bad.
   */
  public static boolean databaseUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TransientDataAccessException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof QueryTimeoutException
          || cause instanceof org.springframework.dao.RecoverableDataAccessException
          || cause instanceof java.sql.SQLTransientException
          || cause instanceof java.sql.SQLRecoverableException
          || cause instanceof org.springframework.transaction.CannotCreateTransactionException
          || cause instanceof java.sql.SQLNonTransientConnectionException
          // refused, reset or broken: a pooled connection the stopped database left behind
          || cause instanceof java.net.SocketException
          || isPostgresConnectionFailure(cause)
          || isPooledConnectionClosed(cause)) {
        return true;
      }
    }
    return false;
  }

  /**
   * HikariCP's answer, with no SQL state, when a transaction is rolled back on a pooled connection
   * the stopped database already broke; the rollback's failure then hides the original one.
   */
  private static boolean isPooledConnectionClosed(Throwable cause) {
    return cause instanceof java.sql.SQLException sql
        && sql.getSQLState() == null
        && "Connection is closed".equals(sql.getMessage());
  }

  /** SQL state class 08 is "connection exception", 57P0x an administrator or crash shutdown. */
  private static boolean isPostgresConnectionFailure(Throwable cause) {
    if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || state.startsWith("57P0");
    }
    return false;
  }

  private static Throwable next(Throwable current) {
    Throwable cause = current.getCause();
    return cause == current ? null : cause;
  }

  static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Input the framework could not read, described in the ledger's words. */
  static final class InputProblems {

    private InputProblems() {}

    static Problem of(ServerWebInputException input) {
      MethodParameter parameter = input.getMethodParameter();
      boolean body = parameter == null || parameter.hasParameterAnnotation(RequestBody.class);
      String field = JsonFields.path(input);
      if (body) {
        if (field != null) {
          String message = JsonFields.readable(input);
          return Problem.of(
                  ProblemType.MALFORMED_REQUEST,
                  "The value of '" + field + "' could not be read: " + message)
              .withFieldError(field, message);
        }
        String detail =
            isMissingBody(input)
                ? "The request needs a JSON body."
                : "The request body could not be read: " + JsonFields.readable(input);
        return Problem.of(ProblemType.MALFORMED_REQUEST, detail);
      }
      String name = parameter.getParameterName();
      String message = parameterMessage(input);
      if (parameter.hasParameterAnnotation(RequestHeader.class)) {
        return Problem.of(
                ProblemType.MALFORMED_REQUEST, "The header '" + name + "' " + message + ".")
            .withFieldError(name, message);
      }
      return Problem.of(ProblemType.INVALID_PARAMETER, "'" + name + "' " + message + ".")
          .with("parameter", name)
          .withFieldError(name, message);
    }

    private static boolean isMissingBody(ServerWebInputException input) {
      return input.getReason() != null && input.getReason().startsWith("No request body");
    }

    private static String parameterMessage(ServerWebInputException input) {
      if (input.getCause() instanceof TypeMismatchException mismatch) {
        Class<?> required = mismatch.getRequiredType();
        String expected = required == null ? "value" : expectedKind(required);
        return "must be " + expected + ", not '" + mismatch.getValue() + "'";
      }
      return "is missing or cannot be read";
    }

    private static String expectedKind(Class<?> type) {
      if (type == int.class
          || type == Integer.class
          || type == long.class
          || type == Long.class
          || type == short.class
          || type == Short.class) {
        return "a whole number";
      }
      if (type == java.time.LocalDate.class) {
        return "a date (YYYY-MM-DD)";
      }
      if (type == java.time.Instant.class) {
        return "an instant (YYYY-MM-DDThh:mm:ssZ)";
      }
      if (type == java.util.UUID.class) {
        return "a UUID";
      }
      if (type == boolean.class || type == Boolean.class) {
        return "true or false";
      }
      if (type.isEnum()) {
        return "one of " + List.of(type.getEnumConstants());
      }
      return "a valid value";
    }
  }
}
