package org.forumledger.web;

import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Each page request starts one correlation id, answered in {@code X-Correlation-Id} and sent with
 * every call the page makes to the services, so their log lines and the events a form records can
 * be followed back to the page that caused them.
 */
@Component
public class PageCorrelation implements WebFilter, Ordered {

  /** The services' header for it (their API documents it). */
  public static final String HEADER = "X-Correlation-Id";

  private static final String CONTEXT_KEY = PageCorrelation.class.getName();

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id = UUID.randomUUID().toString();
    exchange.getResponse().getHeaders().set(HEADER, id);
    return chain.filter(exchange).contextWrite(context -> context.put(CONTEXT_KEY, id));
  }

  /** Adds the page's correlation id to a call made while serving it. */
  public ExchangeFilterFunction forwarding() {
    return (request, next) ->
        Mono.deferContextual(
            context ->
                next.exchange(
                    context
                        .<String>getOrEmpty(CONTEXT_KEY)
                        .map(id -> ClientRequest.from(request).header(HEADER, id).build())
                        .orElse(request)));
  }
}
