package org.forumledger.reporting.security;

import java.util.Set;
import org.forumledger.kit.security.AccessTable;
import org.forumledger.kit.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads are open to every role; the audit history and the replay are for auditors. The kit adds
 * health, the API documentation and metrics, and refuses the rest.
 */
@Configuration(proxyBeanMethods = false)
class ReportingAccess {

  @Bean
  AccessTable accessTable() {
    Set<String> auditors = Set.of(Roles.AUDITOR);
    return AccessTable.builder()
        .any("/audit", auditors)
        .any("/audit/**", auditors)
        .any("/admin/**", auditors)
        .read("/**", Roles.READERS)
        .build();
  }
}
