package org.forumledger.kit.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the Kafka cluster answers: UP with its id and how many brokers it has, DOWN when it does
 * not answer within the timeout. One admin client is kept for the service's life, so a health check
 * costs one request to the broker, not a new connection.
 */
final class BrokerHealthIndicator implements HealthIndicator, DisposableBean {

  private final Map<String, Object> adminConfig;
  private final Duration timeout;
  private volatile AdminClient admin;

  BrokerHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
    this.adminConfig = adminConfig;
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    try {
      DescribeClusterResult cluster =
          admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
      int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
      String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return Health.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down().withDetail("error", "interrupted").build();
    } catch (Exception e) {
      return Health.down()
          .withDetail("error", "the broker did not answer within " + timeout.toMillis() + " ms")
          .build();
    }
  }

  private AdminClient admin() {
    AdminClient client = admin;
    if (client == null) {
      synchronized (this) {
        if (admin == null) {
          admin = AdminClient.create(adminConfig);
        }
        client = admin;
      }
    }
    return client;
  }

  @Override
  public void destroy() {
    AdminClient client = admin;
    if (client != null) {
      client.close(Duration.ofSeconds(2));
    }
  }
}
