package org.forumledger.registry.publication;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.forumledger.events.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
public class PublicationConfiguration {

  @Bean
  public NewTopic forumEventsTopic() {
    return TopicBuilder.name(Topics.FORUM_EVENTS)
        .partitions(Topics.FORUM_EVENTS_PARTITIONS)
        .replicas(1)
        .config(TopicConfig.RETENTION_MS_CONFIG, Topics.FORUM_EVENTS_RETENTION_MS)
        .build();
  }

  /**
   * A failed publication must stop the processor and be retried, never be logged and skipped:
   * skipping would lose the event for every consumer.
   */
  @Bean
  public ConfigurerModule publicationFailuresAreRetried() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(
                KafkaPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
  }
}
