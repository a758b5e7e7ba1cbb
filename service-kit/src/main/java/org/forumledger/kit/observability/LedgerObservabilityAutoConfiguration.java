package org.forumledger.kit.observability;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What an operator watches in every service: health shows the broker beside the database (Spring
 * Boot's {@code db}), and the metrics, with Prometheus' format at {@code /actuator/prometheus} (for
 * auditors, as every actuator endpoint but health and info), carry the ledger's own counters; every
 * request carries one correlation id ({@link CorrelationIds}) into the services it reaches.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class LedgerObservabilityAutoConfiguration {

  /** Health component {@code broker}. */
  @Bean
  @ConditionalOnBean(KafkaAdmin.class)
  BrokerHealthIndicator brokerHealthIndicator(
      KafkaAdmin kafkaAdmin, @Value("${ledger.health.broker-timeout:PT3S}") Duration timeout) {
    return new BrokerHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout);
  }

  /** Every request's correlation id, taken from the caller or made, answered and logged. */
  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  CorrelationIds correlationIds() {
    return new CorrelationIds();
  }
}
