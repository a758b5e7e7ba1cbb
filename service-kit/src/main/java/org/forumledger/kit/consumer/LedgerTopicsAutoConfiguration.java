package org.forumledger.kit.consumer;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.forumledger.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The forum events topic, declared alike by whichever service starts first: one partition, kept for
 * ever (see {@link Topics}), on as many brokers as {@link TopicReplication} says.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(KafkaAdmin.class)
public class LedgerTopicsAutoConfiguration {

  @Bean
  NewTopic forumEventsTopic(
      @Value(TopicReplication.REPLICAS) int replicas,
      @Value(TopicReplication.MIN_IN_SYNC) int minInSync) {
    return new TopicReplication(replicas, minInSync)
        .applyTo(TopicBuilder.name(Topics.FORUM_EVENTS).partitions(Topics.FORUM_EVENTS_PARTITIONS))
        .config(TopicConfig.RETENTION_MS_CONFIG, Topics.FORUM_EVENTS_RETENTION_MS)
        .build();
  }
}
