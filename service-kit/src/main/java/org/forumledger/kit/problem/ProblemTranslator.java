package org.forumledger.kit.problem;

/**
 * A service's mapping of failures it cannot make extend {@link ProblemException}, such as its
 * domain's rule violations or a framework's conflicts. Answers null for a failure it does not know.
 */
@FunctionalInterface
public interface ProblemTranslator {

  Problem translate(Throwable failure);
}
