package org.forumledger.kit.problem;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared body over the limit with 413; a body without a declared length is held to the
 * same limit by the codecs ({@code spring.codec.max-in-memory-size}). The refused body is read and
 * thrown away, never kept, before the answer: a server that answers and closes while the client is
 * still sending resets the connection, and the client sees no answer at all.
 */
public class RequestSizeLimit implements WebFilter {

  private final DataSize limit;

  public RequestSizeLimit(DataSize limit) {
    this.limit = limit;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long length = exchange.getRequest().getHeaders().getContentLength();
    if (length > limit.toBytes()) {
      return exchange
          .getRequest()
          .getBody()
          .doOnNext(DataBufferUtils::release)
          .then()
          .onErrorComplete()
          .then(
              ProblemResponses.write(
                  exchange,
                  ProblemType.BODY_TOO_LARGE,
                  "The request body exceeds the limit of " + limit.toKilobytes() + " KB."));
    }
    return chain.filter(exchange);
  }
}
