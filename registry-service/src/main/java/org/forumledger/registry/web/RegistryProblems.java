package org.forumledger.registry.web;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.forumledger.kit.problem.Problem;
import org.forumledger.kit.problem.ProblemTranslator;
import org.forumledger.kit.problem.ProblemType;
import org.forumledger.registry.forum.api.IdempotentRequests.IdempotencyKeyReusedException;
import org.forumledger.registry.forum.api.InvalidRequestException;
import org.forumledger.registry.forum.api.UnknownForumException;
import org.forumledger.registry.forum.domain.ForumRuleViolation;
import org.forumledger.registry.review.NotInReviewScope;
import org.forumledger.registry.review.ReviewIncomplete;
import org.springframework.stereotype.Component;

/**
 * The registry's failures as problems of the kit's catalogue: a broken rule of the forum, an
 * unknown forum, a stale If-Match, a concurrent write, a reused Idempotency-Key. The domain knows
 * nothing of HTTP; this is where its exceptions meet it. Axon's own messages never reach a client.
 */
@Component
class RegistryProblems implements ProblemTranslator {

  @Override
  public Problem translate(Throwable failure) {
    if (failure instanceof ReviewIncomplete incomplete) {
      List<Map<String, String>> missing =
          incomplete.missing().stream()
              .map(p -> Map.of("forumId", p.forumId(), "body", p.body().code()))
              .toList();
      return Problem.of(ProblemType.RULE_BROKEN, incomplete.getMessage()).with("missing", missing);
    }
    if (failure instanceof NotInReviewScope) {
      return Problem.of(ProblemType.NOT_FOUND, failure.getMessage());
    }
    if (failure instanceof ForumRuleViolation violation) {
      Problem problem = Problem.of(ProblemType.RULE_BROKEN, violation.getMessage());
      return violation.field() == null
          ? problem
          : problem.withFieldError(violation.field(), violation.getMessage());
    }
    if (failure instanceof UnknownForumException) {
      return Problem.of(ProblemType.UNKNOWN_FORUM, failure.getMessage());
    }
    if (failure instanceof AggregateNotFoundException) {
      return Problem.of(ProblemType.UNKNOWN_FORUM, "No forum with this id is registered.");
    }
    if (failure instanceof ConflictingAggregateVersionException) {
      return Problem.of(
          ProblemType.STALE_VERSION,
          "The If-Match version is not the current version (or a revision was sent without"
              + " If-Match); read it again and retry with its ETag.");
    }
    if (failure instanceof ConcurrencyException) {
      return Problem.of(
          ProblemType.CONCURRENT_CHANGE,
          "Another change to this forum happened at the same time; nothing was written. Read the"
              + " forum again and retry.");
    }
    if (failure instanceof InvalidRequestException invalid) {
      return Problem.of(ProblemType.MALFORMED_REQUEST, invalid.getMessage())
          .withFieldError(invalid.field(), invalid.getMessage());
    }
    if (failure instanceof IdempotencyKeyReusedException) {
      return Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED, failure.getMessage());
    }
    return null;
  }
}
