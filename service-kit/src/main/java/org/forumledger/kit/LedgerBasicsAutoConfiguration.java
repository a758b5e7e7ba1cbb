package org.forumledger.kit;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.core.StreamWriteFeature;

/**
 * The clock every service reads time from (tests replace it), how amounts go out as JSON, and one
 * request per HTTP connection.
 */
@AutoConfiguration
public class LedgerBasicsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Amounts are plain JSON numbers with the scale they were recorded with: a BigDecimal such as
   * 7E+4 (equal to 70000) never reaches a client with an exponent.
   */
  @Bean
  JsonMapperBuilderCustomizer plainDecimals() {
    return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  /**
   * One request per connection: Reactor Netty 1.3.6 can stop reading a kept-alive connection when
   * the next request arrives before the previous exchange has ended and then completes at once (a
   * refusal, say), so the client waits until it gives up (reactor/reactor-netty#4361, fixed after
   * the 1.3.6 that Boot 4.0.7 brings; seen here as a 60 s timeout in the security table in CI).
   * Every answer says {@code Connection: close}; a new connection costs a fraction of a millisecond
   * behind a proxy or on one machine. {@code ledger.http.keep-alive=true} restores keep-alive once
   * the fix ships.
   */
  @Bean
  @ConditionalOnProperty(
      name = "ledger.http.keep-alive",
      havingValue = "false",
      matchIfMissing = true)
  NettyServerCustomizer oneRequestPerConnection() {
    return server -> server.maxKeepAliveRequests(1);
  }
}
