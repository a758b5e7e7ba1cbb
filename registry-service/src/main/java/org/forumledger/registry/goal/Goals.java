package org.forumledger.registry.goal;

import java.util.List;
import java.util.Optional;
import org.forumledger.events.CouncilGoalRegistered;
import org.forumledger.registry.forum.domain.ForumRuleViolation;

/** The council goals the registry knows, as a forum's or a review's rules ask for them. */
@FunctionalInterface
public interface Goals {

  /** The goal as it now stands, or empty when none is registered under the id. */
  Optional<CouncilGoalRegistered> goal(String goalId);

  static Goals none() {
    return id -> Optional.empty();
  }

  /** Refuses (422) a list naming a goal that is not registered, or one goal twice. */
  default void requireRegistered(List<String> goalIds, String field) {
    if (goalIds == null) {
      return;
    }
    for (int i = 0; i < goalIds.size(); i++) {
      String id = goalIds.get(i);
      String at = field + "[" + i + "]";
      if (id == null || id.isBlank() || goal(id).isEmpty()) {
        throw new ForumRuleViolation(at, "no council goal " + id + " is registered");
      }
      if (goalIds.indexOf(id) != i) {
        throw new ForumRuleViolation(at, "goal " + id + " twice");
      }
    }
  }
}
