package org.forumledger.kit.problem;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.util.unit.DataSize;

/** Problems for every failure, and the body size limit, in every service. */
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class LedgerProblemAutoConfiguration {

  /** Before Boot's error handler (order -1), which would answer with its own shape. */
  @Bean
  @Order(-2)
  ProblemHandler problemHandler(
      ObjectProvider<ProblemTranslator> translators,
      @Value("${ledger.problems.retry-after:5s}") Duration retryAfter) {
    return new ProblemHandler(translators.orderedStream().toList(), retryAfter);
  }

  /**
   * A request the security firewall refuses before any handler runs (an encoded NUL or slash in the
   * path, a malformed header) is answered like every other malformed request, not with a bare 400.
   */
  @Bean
  ServerExchangeRejectedHandler firewallRejections() {
    return (exchange, rejected) ->
        ProblemResponses.write(
            exchange,
            ProblemType.MALFORMED_REQUEST,
            "The request's address or headers contain characters that are not accepted.");
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  RequestSizeLimit requestSizeLimit(
      @Value("${spring.codec.max-in-memory-size:64KB}") DataSize limit) {
    return new RequestSizeLimit(limit);
  }
}
