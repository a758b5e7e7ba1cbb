package org.forumledger.registry.security;

import java.util.Set;
import org.forumledger.kit.security.AccessTable;
import org.forumledger.kit.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every role reads the forums and the registry's public keys; only registrars change them. The kit
 * adds health, the API documentation and metrics, and refuses the rest.
 */
@Configuration(proxyBeanMethods = false)
class RegistryAccess {

  @Bean
  AccessTable accessTable() {
    return AccessTable.builder()
        .read("/keys", Roles.READERS)
        .read("/forums", Roles.READERS)
        .read("/forums/**", Roles.READERS)
        .any("/forums", Set.of(Roles.REGISTRAR))
        .any("/forums/**", Set.of(Roles.REGISTRAR))
        .build();
  }
}
