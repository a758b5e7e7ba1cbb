package org.forumledger.reporting.api;

/** The request is well-formed but breaks a rule (e.g. a replay is already running): 422. */
public class RuleViolationException extends RuntimeException {

  public RuleViolationException(String message) {
    super(message);
  }
}
