package org.forumledger.registry.forum.api;

/** A request value that no rule could accept, found outside bean validation (answered with 400). */
public class InvalidRequestException extends RuntimeException {

  private final String field;

  public InvalidRequestException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
