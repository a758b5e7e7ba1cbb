package org.forumledger.registry.forum.domain;

/** A command that is well-formed but breaks a rule of the forum (answered with 422). */
public class ForumRuleViolation extends RuntimeException {

  private final String field;

  public ForumRuleViolation(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field the rule is about, or null when it concerns the forum as a whole. */
  public String field() {
    return field;
  }

  static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new ForumRuleViolation(field, message);
    }
  }
}
