package org.forumledger.reporting;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;

@Configuration(proxyBeanMethods = false)
class JsonConfig {

  /**
   * Amounts are plain JSON numbers with the scale they were recorded with: a BigDecimal such as
   * 7E+4 (equal to 70000) must never reach a client with an exponent.
   */
  @Bean
  JsonMapperBuilderCustomizer plainDecimals() {
    return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
  }
}
