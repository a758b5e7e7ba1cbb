package org.forumledger.kit.consumer;

import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * On how many brokers the ledger's topics are kept, and how many must hold a write before it is
 * acknowledged: one and one on a single broker (the local stack), three and two on the compose
 * stack's cluster, where one broker may be lost without losing or refusing a write. Set by {@code
 * LEDGER_KAFKA_REPLICATION_FACTOR} and {@code LEDGER_KAFKA_MIN_INSYNC_REPLICAS}.
 */
public record TopicReplication(int replicas, int minInSync) {

  static final String REPLICAS = "${LEDGER_KAFKA_REPLICATION_FACTOR:1}";
  static final String MIN_IN_SYNC = "${LEDGER_KAFKA_MIN_INSYNC_REPLICAS:1}";

  public TopicReplication {
    if (replicas < 1 || minInSync < 1 || minInSync > replicas) {
      throw new IllegalArgumentException(
          "A topic needs 1 ≤ min.insync.replicas ≤ replication factor, not "
              + minInSync
              + " of "
              + replicas);
    }
  }

  TopicBuilder applyTo(TopicBuilder topic) {
    return topic
        .replicas(replicas)
        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSync));
  }
}
