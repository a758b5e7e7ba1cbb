package org.forumledger.reporting.api;

/** No forum with the id exists in the requested slice of time: 404. */
public class ForumNotFoundException extends RuntimeException {

  public ForumNotFoundException(String forumId) {
    super("No forum " + forumId);
  }
}
