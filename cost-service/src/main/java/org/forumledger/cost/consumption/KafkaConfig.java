package org.forumledger.cost.consumption;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.forumledger.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaConfig {

  private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

  /** Three attempts in all, 200 ms apart. */
  static final FixedBackOff BACK_OFF = new FixedBackOff(200L, 2L);

  static final org.springframework.util.backoff.ExponentialBackOff UNTIL_DATABASE_IS_BACK =
      databaseBackOff();

  private static org.springframework.util.backoff.ExponentialBackOff databaseBackOff() {
    org.springframework.util.backoff.ExponentialBackOff backOff =
        new org.springframework.util.backoff.ExponentialBackOff(500L, 2.0);
    backOff.setMaxInterval(30_000L);
    return backOff;
  }

  @Bean
  NewTopic forumEventsTopic() {
    return TopicBuilder.name(Topics.FORUM_EVENTS)
        .partitions(Topics.FORUM_EVENTS_PARTITIONS)
        .replicas(1)
        .config(
            org.apache.kafka.common.config.TopicConfig.RETENTION_MS_CONFIG,
            Topics.FORUM_EVENTS_RETENTION_MS)
        .build();
  }

  @Bean
  NewTopic deadLetterTopic() {
    return TopicBuilder.name(Topics.deadLetter(ForumEventListener.GROUP_ID))
        .partitions(3)
        .replicas(1)
        .build();
  }

  /**
   * A record that still fails after the retries is parked on the dead-letter topic with its
   * original headers and the exception, and the partition moves on.
   */
  @Bean
  DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, MeterRegistry meters) {
    Counter deadLettered =
        Counter.builder("ledger.events.dead-lettered")
            .description("Records parked on the dead-letter topic after bounded retries")
            .register(meters);
    DeadLetterPublishingRecoverer publisher =
        new DeadLetterPublishingRecoverer(
            template,
            (record, exception) ->
                new TopicPartition(Topics.deadLetter(ForumEventListener.GROUP_ID), -1));
    ConsumerRecordRecoverer recoverer =
        (record, exception) -> {
          log.error(
              "Dead-lettering record {}-{}@{} (key {}) after retries: {}",
              record.topic(),
              record.partition(),
              record.offset(),
              record.key(),
              exception.getMessage());
          publisher.accept(record, exception);
          deadLettered.increment();
        };
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, BACK_OFF);
    handler.setBackOffFunction(
        (record, exception) -> databaseUnavailable(exception) ? UNTIL_DATABASE_IS_BACK : null);
    return handler;
  }

  /**
   * A good event that fails because the database is away must wait for it, not be parked: only a
   * rebuild would bring a dead-lettered event back.
   */
  static boolean databaseUnavailable(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.springframework.dao.TransientDataAccessException
          || cause instanceof org.springframework.dao.RecoverableDataAccessException
          || cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
          || cause instanceof java.sql.SQLTransientException
          || cause instanceof java.sql.SQLRecoverableException) {
        return true;
      }
    }
    return false;
  }
}
