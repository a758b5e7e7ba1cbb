package org.forumledger.kit.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.forumledger.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consumer side for a service that declares an {@link EventProjection} and {@link
 * HandledEvents}: the listener, its dead-letter topic and error handling. Its group is {@code
 * spring.kafka.consumer.group-id}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean({EventProjection.class, HandledEvents.class})
public class LedgerConsumerAutoConfiguration {

  @Bean
  ApplyOnce applyOnce(
      HandledEvents handled, EventProjection projection, PlatformTransactionManager transactions) {
    return new ApplyOnce(handled, projection, new TransactionTemplate(transactions));
  }

  @Bean
  ForumEventConsumer forumEventConsumer(ApplyOnce applyOnce, MeterRegistry meters) {
    return new ForumEventConsumer(applyOnce, meters);
  }

  @Bean
  NewTopic deadLetterTopic(@Value("${spring.kafka.consumer.group-id}") String group) {
    return TopicBuilder.name(Topics.deadLetter(group))
        .partitions(Topics.FORUM_EVENTS_PARTITIONS)
        .replicas(1)
        .build();
  }

  @Bean
  DefaultErrorHandler deadLetteringErrorHandler(
      KafkaOperations<?, ?> template,
      MeterRegistry meters,
      @Value("${spring.kafka.consumer.group-id}") String group) {
    return DeadLetters.errorHandler(template, meters, group);
  }
}
