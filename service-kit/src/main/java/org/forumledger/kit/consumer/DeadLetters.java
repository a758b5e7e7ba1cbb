package org.forumledger.kit.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import org.apache.kafka.common.TopicPartition;
import org.forumledger.events.Topics;
import org.forumledger.kit.problem.ProblemHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens to a record that fails: a few quick retries (a hiccup passes), then it is parked on
 * the group's dead-letter topic, on the record's own partition and with its original headers, and
 * the partition moves on. Bytes that are no event are parked at once. A good event that fails
 * because the database is away waits for it instead: only a rebuild would bring a parked event
 * back.
 */
public final class DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  /** Three attempts in all, 200 ms apart. */
  static final FixedBackOff RETRIES = new FixedBackOff(200L, 2L);

  private DeadLetters() {}

  public static DefaultErrorHandler errorHandler(
      KafkaOperations<?, ?> template, MeterRegistry meters, String group) {
    Counter parked =
        Counter.builder("ledger.events.dead-lettered")
            .description("Records parked on the dead-letter topic")
            .register(meters);
    DeadLetterPublishingRecoverer publisher =
        new DeadLetterPublishingRecoverer(
            template,
            (record, exception) ->
                new TopicPartition(Topics.deadLetter(group), record.partition()));
    DefaultErrorHandler handler =
        new DefaultErrorHandler(
            (record, exception) -> {
              log.error(
                  "Dead-lettering record {}-{}@{} (key {}): {}",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  record.key(),
                  exception.getMessage());
              publisher.accept(record, exception);
              parked.increment();
            },
            RETRIES);
    handler.addNotRetryableExceptions(UncheckedIOException.class);
    handler.setBackOffFunction(
        (record, exception) ->
            ProblemHandler.databaseUnavailable(exception) ? untilTheDatabaseIsBack() : null);
    return handler;
  }

  static BackOff untilTheDatabaseIsBack() {
    ExponentialBackOff backOff = new ExponentialBackOff(500L, 2.0);
    backOff.setMaxInterval(30_000L);
    return backOff;
  }
}
