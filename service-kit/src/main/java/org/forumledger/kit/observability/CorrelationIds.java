package org.forumledger.kit.observability;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.forumledger.events.MetadataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.ContextView;

/**
 * One correlation id per request, the same in every service it passes through: the caller's {@code
 * X-Correlation-Id} when it is a plain token, else a new one. The request goes on carrying it (so a
 * write keeps it in its events' metadata, and the consumers log it while applying them), the
 * response answers with it, the Reactor context holds it for calls made on the request's behalf,
 * and the request's log line carries it. Runs first, so a refusal by security carries it too.
 */
public final class CorrelationIds implements WebFilter, Ordered {

  public static final String HEADER = "X-Correlation-Id";

  /** What is accepted from a caller: short, and nothing that could forge a log line. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private static final Logger log = LoggerFactory.getLogger(CorrelationIds.class);

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id = acceptedOrNew(exchange.getRequest().getHeaders().getFirst(HEADER));
    ServerHttpRequest request = exchange.getRequest().mutate().header(HEADER, id).build();
    exchange.getResponse().getHeaders().set(HEADER, id);
    long started = System.nanoTime();
    return chain
        .filter(exchange.mutate().request(request).build())
        .doFinally(signal -> logRequest(exchange, id, signal, started))
        .contextWrite(context -> context.put(MetadataKeys.CORRELATION_ID, id));
  }

  /** The correlation id of the request this runs for, if any. */
  public static Optional<String> of(ContextView context) {
    return context.getOrEmpty(MetadataKeys.CORRELATION_ID);
  }

  static String acceptedOrNew(String offered) {
    return offered != null && PLAIN.matcher(offered).matches()
        ? offered
        : UUID.randomUUID().toString();
  }

  private static void logRequest(
      ServerWebExchange exchange, String id, SignalType signal, long started) {
    HttpMethod method = exchange.getRequest().getMethod();
    boolean write = !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method);
    if (!(write ? log.isInfoEnabled() : log.isDebugEnabled())) {
      return;
    }
    MDC.put(MetadataKeys.CORRELATION_ID, id);
    try {
      String line = "{} {} -> {} in {} ms{}";
      Object[] args = {
        method,
        exchange.getRequest().getPath().value(),
        exchange.getResponse().getStatusCode(),
        (System.nanoTime() - started) / 1_000_000,
        signal == SignalType.CANCEL ? " (cancelled)" : ""
      };
      if (write) {
        log.info(line, args);
      } else {
        log.debug(line, args);
      }
    } finally {
      MDC.remove(MetadataKeys.CORRELATION_ID);
    }
  }
}
