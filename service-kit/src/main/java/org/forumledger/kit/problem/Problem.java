package org.forumledger.kit.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One RFC 9457 problem: a type from the catalogue, a detail in the ledger's own words, and
 * extension members such as {@code errors} or {@code parameter}.
 */
public record Problem(ProblemType type, String detail, Map<String, Object> properties) {

  public Problem {
    properties = Map.copyOf(properties);
  }

  public static Problem of(ProblemType type, String detail) {
    return new Problem(type, detail, Map.of());
  }

  public Problem with(String name, Object value) {
    Map<String, Object> next = new LinkedHashMap<>(properties);
    next.put(name, value);
    return new Problem(type, detail, next);
  }

  /** The {@code errors} member naming one field and what is wrong with it. */
  public Problem withFieldError(String field, String message) {
    return with("errors", List.of(Map.of("field", field, "message", message)));
  }

  /** The JSON members in the order RFC 9457 lists them, then the extensions. */
  public Map<String, Object> body(String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri().toString());
    body.put("title", type.title());
    body.put("status", type.status().value());
    body.put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    properties.forEach(body::putIfAbsent);
    return body;
  }
}
