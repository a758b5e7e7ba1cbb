package org.forumledger.reporting.api;

import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;

/** The request is well-formed but breaks a rule (e.g. a replay is already running): 422. */
public class RuleViolationException extends ProblemException {

  public RuleViolationException(String message) {
    super(ProblemType.RULE_BROKEN, message);
  }
}
