package org.forumledger.registry.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared body over 64 KB with 413 before reading it; a body without a declared length
 * is held to the same limit by the codecs ({@code spring.codec.max-in-memory-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit implements WebFilter {

  static final long LIMIT_BYTES = 64 * 1024;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long length = exchange.getRequest().getHeaders().getContentLength();
    if (length > LIMIT_BYTES) {
      return ProblemResponses.write(
          exchange,
          HttpStatus.CONTENT_TOO_LARGE,
          "body-too-large",
          "The request body exceeds the limit of 64 KB.");
    }
    return chain.filter(exchange);
  }
}
