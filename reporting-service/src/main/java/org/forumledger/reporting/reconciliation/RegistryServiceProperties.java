package org.forumledger.reporting.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the registry answers: reconciliation reads its published chain, the audit its signed
 * checkpoints, and a year's closing goes there to be signed.
 */
@ConfigurationProperties("ledger.registry-service")
public record RegistryServiceProperties(String url) {}
