package org.forumledger.reporting.api;

import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;

/** No forum with the id exists in the requested slice of time: 404. */
public class ForumNotFoundException extends ProblemException {

  public ForumNotFoundException(String forumId) {
    super(ProblemType.UNKNOWN_FORUM, "No forum " + forumId);
  }
}
