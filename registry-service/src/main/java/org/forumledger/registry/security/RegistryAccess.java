package org.forumledger.registry.security;

import java.util.Set;
import org.forumledger.kit.security.AccessTable;
import org.forumledger.kit.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Every role reads the forums, the years' cost rates, the registry's public keys, its chain and
 * checkpoints, units, council goals and reviews; only registrars change forums, rates, units, goals
 * and reviews, and only auditors ask for a checkpoint or close a year. The kit adds health, the API
 * documentation and metrics, and refuses the rest.
 */
@Configuration(proxyBeanMethods = false)
class RegistryAccess {

  @Bean
  AccessTable accessTable() {
    return AccessTable.builder()
        .read("/keys", Roles.READERS)
        .read("/chain/**", Roles.READERS)
        .read("/checkpoints", Roles.READERS)
        .read("/checkpoints/**", Roles.READERS)
        .route(HttpMethod.POST, "/checkpoints", Set.of(Roles.AUDITOR))
        .read("/years/**", Roles.READERS)
        .route(HttpMethod.POST, "/years/*/closing", Set.of(Roles.AUDITOR))
        .read("/forums", Roles.READERS)
        .read("/forums/**", Roles.READERS)
        .any("/forums", Set.of(Roles.REGISTRAR))
        .any("/forums/**", Set.of(Roles.REGISTRAR))
        .read("/cost-rates", Roles.READERS)
        .read("/cost-rates/**", Roles.READERS)
        .route(HttpMethod.PUT, "/cost-rates/*", Set.of(Roles.REGISTRAR))
        .read("/units", Roles.READERS)
        .read("/units/**", Roles.READERS)
        .route(HttpMethod.PUT, "/units/*", Set.of(Roles.REGISTRAR))
        .read("/goals", Roles.READERS)
        .read("/goals/**", Roles.READERS)
        .route(HttpMethod.PUT, "/goals/*", Set.of(Roles.REGISTRAR))
        .read("/reviews", Roles.READERS)
        .read("/reviews/**", Roles.READERS)
        .route(HttpMethod.POST, "/reviews", Set.of(Roles.REGISTRAR))
        .route(HttpMethod.PUT, "/reviews/*/assessments/*/*", Set.of(Roles.REGISTRAR))
        .route(HttpMethod.PUT, "/reviews/*/decisions/*/*", Set.of(Roles.REGISTRAR))
        .route(HttpMethod.POST, "/reviews/*/close", Set.of(Roles.REGISTRAR))
        .build();
  }
}
