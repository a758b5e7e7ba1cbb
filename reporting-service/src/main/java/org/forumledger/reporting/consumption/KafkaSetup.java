package org.forumledger.reporting.consumption;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.forumledger.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/** Topics, and the error handling that keeps a bad message from ever stopping the consumer. */
@Configuration(proxyBeanMethods = false)
public class KafkaSetup {

  private static final Logger log = LoggerFactory.getLogger(KafkaSetup.class);

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
  NewTopic deadLetterTopic(@Value("${spring.kafka.consumer.group-id}") String group) {
    return TopicBuilder.name(Topics.deadLetter(group)).partitions(3).replicas(1).build();
  }

  /**
   * Retries a failing record a few times (a database hiccup passes), then parks it on the
   * dead-letter topic, same partition, original headers. Unreadable bytes are not retried.
   */
  @Bean
  DefaultErrorHandler errorHandler(
      KafkaTemplate<Object, Object> template,
      MeterRegistry meters,
      @Value("${spring.kafka.consumer.group-id}") String group) {
    Counter deadLettered = Counter.builder("ledger.events.dead-lettered").register(meters);
    DeadLetterPublishingRecoverer publisher =
        new DeadLetterPublishingRecoverer(
            template,
            (record, e) -> new TopicPartition(Topics.deadLetter(group), record.partition()));
    DefaultErrorHandler handler =
        new DefaultErrorHandler(
            (record, e) -> {
              log.error(
                  "Dead-lettering {}-{}@{}: {}",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  e.getMessage());
              publisher.accept(record, e);
              deadLettered.increment();
            },
            new FixedBackOff(200, 2));
    handler.addNotRetryableExceptions(UncheckedIOException.class);
    handler.setBackOffFunction(
        (record, e) -> databaseUnavailable(e) ? untilDatabaseIsBack() : null);
    return handler;
  }

  /**
   * A good event that fails because the database is away waits for it instead of being parked: only
   * a replay would bring a dead-lettered event back.
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

  private static org.springframework.util.backoff.BackOff untilDatabaseIsBack() {
    org.springframework.util.backoff.ExponentialBackOff backOff =
        new org.springframework.util.backoff.ExponentialBackOff(500L, 2.0);
    backOff.setMaxInterval(30_000L);
    return backOff;
  }
}
