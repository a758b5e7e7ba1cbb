package org.forumledger.cost.config;

import java.time.Clock;
import org.forumledger.cost.projection.ProjectionRules;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CoreConfig {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ProjectionRules projectionRules(CostSettings settings) {
    return new ProjectionRules(settings.toRuleSettings());
  }
}
