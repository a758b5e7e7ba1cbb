package org.forumledger.kit.problem;

/**
 * An exception that already knows its problem. A service's own failures extend it, so that the
 * kit's handler answers them without a mapping of their own.
 */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public ProblemException(ProblemType type, String detail) {
    this(Problem.of(type, detail));
  }

  public Problem problem() {
    return problem;
  }
}
