package org.forumledger.web.recording;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * A submitted recording form: what was typed, the version and Idempotency-Key it was drawn with,
 * and the registry's body built from it. Values go to the registry as typed (blank ones left out),
 * so its validation names the fields; only Swedish digit grouping and decimal commas are undone.
 */
record Submission(String form, Map<String, String> typed, Long version, String idempotencyKey) {

  static final List<String> PROVENANCE = List.of("effectiveDate", "reason", "decisionReference");

  static Submission of(String form, MultiValueMap<String, String> data) {
    Map<String, String> typed = new LinkedHashMap<>();
    data.forEach(
        (name, values) -> {
          if (!name.equals("_csrf") && !values.isEmpty()) {
            // the boxes ticked of a group come as one value each; kept as a list with commas
            typed.put(
                name,
                String.join(
                    ",",
                    values.stream()
                        .map(v -> v == null ? "" : v.strip())
                        .filter(v -> values.size() == 1 || !v.isEmpty())
                        .toList()));
          }
        });
    String version = typed.remove("version");
    String key = typed.remove("idempotencyKey");
    return new Submission(
        form,
        typed,
        version == null || !version.matches("\\d+") ? null : Long.valueOf(version),
        key == null || key.isBlank() ? null : key);
  }

  String value(String field) {
    return typed.getOrDefault(field, "");
  }

  /** A group of ticked boxes (or a list typed with commas) as its values; none is empty. */
  List<String> values(String field) {
    return java.util.Arrays.stream(value(field).split(","))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  /** The named fields that were filled in, as the registry's body, with the provenance. */
  Map<String, Object> body(Set<String> numbers, String... fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (String field : fields) {
      put(body, field, numbers.contains(field));
    }
    for (String field : PROVENANCE) {
      put(body, field, false);
    }
    return body;
  }

  private void put(Map<String, Object> body, String field, boolean number) {
    String value = value(field);
    if (!value.isEmpty()) {
      body.put(field, number ? number(value) : value);
    }
  }

  static String number(String typed) {
    return typed.replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.').replace('−', '-');
  }
}
