package org.forumledger.reporting.api;

import org.forumledger.kit.problem.Problem;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;

/** No review with the id was opened in the requested slice of time: 404. */
public class ReviewNotFoundException extends ProblemException {

  public ReviewNotFoundException(String reviewId) {
    super(Problem.of(ProblemType.NOT_FOUND, "No review " + reviewId).with("reviewId", reviewId));
  }
}
