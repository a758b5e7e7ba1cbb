package org.forumledger.kit.problem;

import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem as {@code application/problem+json}, from a filter, a handler or security. */
public final class ProblemResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  public static Mono<Void> write(ServerWebExchange exchange, Problem problem) {
    var response = exchange.getResponse();
    byte[] json = JSON.writeValueAsBytes(problem.body(exchange.getRequest().getPath().value()));
    response.setStatusCode(problem.type().status());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().setContentLength(json.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
  }

  public static Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
    return write(exchange, Problem.of(type, detail));
  }
}
