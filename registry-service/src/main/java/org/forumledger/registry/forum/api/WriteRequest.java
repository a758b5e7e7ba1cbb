package org.forumledger.registry.forum.api;

import org.forumledger.kit.observability.CorrelationIds;
import org.springframework.http.HttpMethod;

/**
 * What a write carries besides its body, read once from the exchange: the version the client based
 * it on ({@code If-Match}), its {@code Idempotency-Key}, its correlation id and who sends it.
 *
 * @param expectedVersion the version named by {@code If-Match}, or null when the client asked for
 *     no check
 * @param idempotencyKey the key, or null when the client sent none
 * @param correlationId the client's {@code X-Correlation-Id}, or a new one
 * @param actor the authenticated principal, never a value from the request
 */
public record WriteRequest(
    HttpMethod method,
    String path,
    Long expectedVersion,
    String idempotencyKey,
    String correlationId,
    String actor) {

  public static final String IF_MATCH = "If-Match";
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  public static final String CORRELATION_ID = CorrelationIds.HEADER;

  static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

  public boolean idempotent() {
    return idempotencyKey != null;
  }

  /** The version named by {@code If-Match}, or null when the client did not ask for a check. */
  static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(IF_MATCH, "not an ETag of this API: " + ifMatch);
    }
  }

  /** The key, or null when none was sent; a key too long to keep is refused. */
  static String idempotencyKey(String key) {
    if (key == null || key.isBlank()) {
      return null;
    }
    if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new InvalidRequestException(
          IDEMPOTENCY_KEY, "at most " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
    }
    return key;
  }
}
