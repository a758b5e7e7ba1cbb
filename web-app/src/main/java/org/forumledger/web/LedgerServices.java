package org.forumledger.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the three services answer. */
@ConfigurationProperties("ledger.services")
public record LedgerServices(String registryUrl, String costUrl, String reportingUrl) {}
