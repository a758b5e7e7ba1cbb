package org.forumledger.reporting.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Where the cost service answers; reconciliation reads its totals as the viewer. */
@ConfigurationProperties("ledger.cost-service")
public record CostServiceProperties(String url) {}

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CostServiceProperties.class, RegistryServiceProperties.class})
class CostServiceConfiguration {}
