package org.forumledger.importer;

import java.util.List;
import org.forumledger.importer.RegistryBodies.RegisterForum;

/**
 * Everything one valid row becomes: the registration, then the writes on the registered forum in
 * the order they are sent.
 */
record RowPlan(
    long line, String section, RegisterForum register, String registerKey, List<Step> steps) {

  RowPlan {
    steps = List.copyOf(steps);
  }

  /**
   * One {@code PUT /forums/{id}/<path>}.
   *
   * @param path relative to the forum, e.g. {@code fees/2023}
   */
  record Step(String path, Object body, String idempotencyKey) {}

  Step step(String path) {
    return steps.stream()
        .filter(s -> s.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no step " + path + " for " + section));
  }

  boolean hasStep(String path) {
    return steps.stream().anyMatch(s -> s.path().equals(path));
  }
}
