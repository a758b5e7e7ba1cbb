package org.forumledger.cost.config;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;

@Configuration(proxyBeanMethods = false)
class JsonConfig {

  /** Exact SEK go out as plain JSON numbers, never in exponent notation (2390000, not 2.39E+6). */
  @Bean
  JsonMapperBuilderCustomizer plainDecimals() {
    return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
  }
}
