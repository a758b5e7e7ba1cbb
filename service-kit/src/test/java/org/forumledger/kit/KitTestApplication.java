package org.forumledger.kit;

import java.util.Map;
import org.forumledger.kit.observability.CorrelationIds;
import org.forumledger.kit.problem.Problem;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemTranslator;
import org.forumledger.kit.problem.ProblemType;
import org.forumledger.kit.security.AccessTable;
import org.forumledger.kit.security.Roles;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A service of the smallest kind: a table of routes, a few failures, nothing of its own. */
@SpringBootApplication
class KitTestApplication {

  record Thing(String name, int count) {}

  static final class ThingRuleBroken extends RuntimeException {
    ThingRuleBroken(String message) {
      super(message);
    }
  }

  @Bean
  AccessTable accessTable() {
    return AccessTable.builder()
        .read("/things/**", Roles.READERS)
        .route(HttpMethod.POST, "/things/**", java.util.Set.of(Roles.REGISTRAR))
        .build();
  }

  @Bean
  ProblemTranslator thingRules() {
    return failure ->
        failure instanceof ThingRuleBroken broken
            ? Problem.of(ProblemType.RULE_BROKEN, broken.getMessage())
            : null;
  }

  @RestController
  static class Things {

    @GetMapping("/things/{id}")
    Map<String, Object> thing(@PathVariable int id, @RequestParam(required = false) Integer year) {
      if (id == 404) {
        throw new ProblemException(ProblemType.UNKNOWN_FORUM, "No thing " + id);
      }
      if (id == 503) {
        throw new DataAccessResourceFailureException("Connection to localhost:5432 refused");
      }
      if (id == 500) {
        throw new IllegalStateException("org.example.Secret#method(java.lang.String) broke");
      }
      return Map.of("id", id, "year", year == null ? 0 : year);
    }

    /** What a handler sees of the request's correlation id: its header and its context. */
    @GetMapping("/things/correlation")
    Mono<Map<String, String>> correlation(@RequestHeader(CorrelationIds.HEADER) String header) {
      return Mono.deferContextual(
          context ->
              Mono.just(
                  Map.of("header", header, "context", CorrelationIds.of(context).orElse("none"))));
    }

    @PostMapping("/things")
    Thing create(@RequestBody Thing thing) {
      if (thing.count() < 0) {
        throw new java.util.concurrent.CompletionException(
            new ThingRuleBroken("count must not be negative"));
      }
      return thing;
    }
  }
}
