package org.forumledger.registry.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.forumledger.events.EventJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes a problem+json response from a filter, before any controller is involved. */
public final class ProblemResponses {

  static final String TYPE_BASE = "https://forumledger.org/problems/";

  private ProblemResponses() {}

  public static Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", TYPE_BASE + slug);
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", exchange.getRequest().getPath().value());
    byte[] json;
    try {
      json = EventJson.mapper().writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      return Mono.error(e);
    }
    exchange.getResponse().setStatusCode(status);
    exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return exchange
        .getResponse()
        .writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(json)));
  }
}
