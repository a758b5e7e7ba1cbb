package org.forumledger.reporting.api;

import org.forumledger.kit.problem.Problem;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;

/** A request parameter is malformed or out of range: 400. */
public class InvalidParameterException extends ProblemException {

  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(Problem.of(ProblemType.INVALID_PARAMETER, message).with("parameter", parameter));
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
