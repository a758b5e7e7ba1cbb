package org.forumledger.web.page;

import java.util.Map;
import java.util.UUID;

/**
 * A recording form as drawn: the forum version it was drawn at (sent back as If-Match), the
 * Idempotency-Key made when it was drawn (so a double submit makes one event), and, when drawn
 * again after a refusal, what the person typed and the problems next to the fields they name.
 *
 * @param version the forum's version when the form was drawn; null for a new forum
 * @param problem a message for the whole form, or null
 * @param conflict someone else changed the forum since the form was drawn
 */
public record FormState(
    String name,
    Long version,
    String idempotencyKey,
    Map<String, String> values,
    Map<String, String> errors,
    String problem,
    boolean conflict) {

  public FormState {
    values = Map.copyOf(values);
    errors = Map.copyOf(errors);
  }

  public static FormState fresh(String name, Long version, Map<String, String> defaults) {
    return new FormState(
        name, version, UUID.randomUUID().toString(), defaults, Map.of(), null, false);
  }

  /** Drawn again with what was typed and what was wrong, under a new key for the next try. */
  public static FormState refused(
      String name,
      Long version,
      Map<String, String> typed,
      Map<String, String> errors,
      String problem,
      boolean conflict) {
    return new FormState(
        name, version, UUID.randomUUID().toString(), typed, errors, problem, conflict);
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public boolean selected(String field, String option) {
    return option.equals(values.get(field));
  }

  /** Whether a box of a group is ticked: the group's value lists the ticked ones with commas. */
  public boolean checked(String field, String option) {
    return java.util.Arrays.stream(value(field).split(","))
        .map(String::strip)
        .anyMatch(option::equals);
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public String error(String field) {
    return errors.get(field);
  }

  public String id(String field) {
    return name + "-" + field;
  }

  public String errorId(String field) {
    return name + "-" + field + "-error";
  }

  public boolean refused() {
    return conflict || problem != null || !errors.isEmpty();
  }
}
