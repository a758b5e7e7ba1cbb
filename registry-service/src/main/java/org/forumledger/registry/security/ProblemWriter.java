package org.forumledger.registry.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 as RFC 9457 problem details, like every other error of the API. */
@Component
public class ProblemWriter implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
    exchange.getResponse().getHeaders().set("WWW-Authenticate", "Basic realm=\"forum-ledger\"");
    return write(
        exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication is required.");
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return write(
        exchange, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this request.");
  }

  private static Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
    return org.forumledger.registry.web.ProblemResponses.write(exchange, status, slug, detail);
  }
}
