package org.forumledger.kit.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The one catalogue of problem types: the same problem has the same {@code type} URI, status and
 * title in every service. A client may rely on the type; the detail is for people.
 */
public enum ProblemType {
  MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request"),
  INVALID_FIELDS(HttpStatus.BAD_REQUEST, "invalid-fields", "Invalid fields"),
  INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter"),
  UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
  UNKNOWN_FORUM(HttpStatus.NOT_FOUND, "unknown-forum", "Unknown forum"),
  UNKNOWN_MANDATE_PERIOD(HttpStatus.NOT_FOUND, "unknown-mandate-period", "Unknown mandate period"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
  CONCURRENT_CHANGE(
      HttpStatus.CONFLICT, "concurrent-change", "Another change happened at the same time"),
  POSITION_NOT_CURRENT(HttpStatus.CONFLICT, "position-not-current", "Position not current"),
  YEAR_CLOSED(HttpStatus.CONFLICT, "year-closed", "The year is already closed"),
  STALE_VERSION(
      HttpStatus.PRECONDITION_FAILED,
      "stale-version",
      "The resource has changed since you read it"),
  BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
  RULE_BROKEN(HttpStatus.UNPROCESSABLE_CONTENT, "rule-broken", "A rule was broken"),
  IDEMPOTENCY_KEY_REUSED(
      HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused"),
  INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error"),
  UPSTREAM_FAILURE(HttpStatus.BAD_GATEWAY, "upstream-failure", "Upstream failure"),
  SERVICE_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service temporarily unavailable");

  public static final String TYPE_BASE = "https://forumledger.org/problems/";

  private final HttpStatus status;
  private final String slug;
  private final String title;

  ProblemType(HttpStatus status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public URI uri() {
    return URI.create(TYPE_BASE + slug);
  }

  /** The catalogue's type for a status that no more specific problem describes. */
  public static ProblemType forStatus(int status) {
    return switch (status) {
      case 401 -> UNAUTHENTICATED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONCURRENT_CHANGE;
      case 412 -> STALE_VERSION;
      case 413 -> BODY_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 422 -> RULE_BROKEN;
      case 502 -> UPSTREAM_FAILURE;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    };
  }
}
