package org.forumledger.cost.api;

import org.forumledger.kit.problem.Problem;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;

/** The typed failures of the API, each a problem from the kit's catalogue. */
public final class ApiProblems {

  private ApiProblems() {}

  /** 400: a parameter is malformed or out of range. */
  public static final class InvalidParameter extends ProblemException {
    public InvalidParameter(String parameter, String detail) {
      super(Problem.of(ProblemType.INVALID_PARAMETER, detail).with("parameter", parameter));
    }
  }

  /** 404: the registry has no such forum (or this service has not seen it yet). */
  public static final class UnknownForum extends ProblemException {
    public UnknownForum(String forumId) {
      super(ProblemType.UNKNOWN_FORUM, "No forum " + forumId + " in the cost read model");
    }
  }

  /** 404: the cost service has seen no review opened under this id. */
  public static final class UnknownReview extends ProblemException {
    public UnknownReview(String reviewId) {
      super(
          Problem.of(ProblemType.NOT_FOUND, "No review " + reviewId + " in the cost read model")
              .with("reviewId", reviewId));
    }
  }

  /** 404: not a configured mandate period. */
  public static final class UnknownMandatePeriod extends ProblemException {
    public UnknownMandatePeriod(String period, String configured) {
      super(
          ProblemType.UNKNOWN_MANDATE_PERIOD,
          period + " is not a configured mandate period; configured: " + configured);
    }
  }

  /** 422: the request is well-formed but breaks a rule, named by {@code rule}. */
  public static final class RuleBroken extends ProblemException {
    public RuleBroken(String rule, String detail) {
      super(Problem.of(ProblemType.RULE_BROKEN, detail).with("rule", rule));
    }
  }

  /** 409: a checksum was asked for at a position the read model is not at. */
  public static final class PositionMismatch extends ProblemException {
    public PositionMismatch(long asked, long current) {
      super(
          ProblemType.POSITION_NOT_CURRENT,
          "The read model is at position " + current + ", not " + asked + "; ask again once it is");
    }
  }
}
