package org.forumledger.registry.forum.api;

/** No forum has this id (answered with 404). */
public class UnknownForumException extends RuntimeException {
  public UnknownForumException(String forumId) {
    super("No forum with id " + forumId);
  }
}
