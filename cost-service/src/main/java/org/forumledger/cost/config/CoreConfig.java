package org.forumledger.cost.config;

import java.util.Set;
import org.forumledger.cost.projection.ProjectionRules;
import org.forumledger.kit.security.AccessTable;
import org.forumledger.kit.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class CoreConfig {

  /**
   * Any role may read costs; only a registrar may rebuild the read model. The kit adds health, the
   * API documentation and metrics, and refuses the rest.
   */
  @Bean
  AccessTable accessTable() {
    return AccessTable.builder()
        .route(HttpMethod.POST, "/costs/admin/**", Set.of(Roles.REGISTRAR))
        .read("/chain/head", Roles.READERS)
        .read("/costs", Roles.READERS)
        .read("/costs/**", Roles.READERS)
        .build();
  }

  @Bean
  ProjectionRules projectionRules(CostSettings settings) {
    return new ProjectionRules(settings.toRuleSettings());
  }
}
