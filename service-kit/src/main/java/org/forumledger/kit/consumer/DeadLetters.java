package org.forumledger.kit.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.forumledger.events.Topics;
import org.forumledger.events.seal.SealException;
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
 * the partition moves on. Bytes that are no event, and records the registry's seal or chain does
 * not vouch for (with the reason in the header {@value #REJECTED_REASON}), are parked at once. A
 * good event that fails because the database is away waits for it instead: only a rebuild would
 * bring a parked event back.
 */
public final class DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  /** Three attempts in all, 200 ms apart. */
  static final FixedBackOff RETRIES = new FixedBackOff(200L, 2L);

  private DeadLetters() {}

  /** The header of a parked record that says why the registry's seal or chain refused it. */
  public static final String REJECTED_REASON = "ledger-rejected-reason";

  public static DefaultErrorHandler errorHandler(
      KafkaOperations<?, ?> template,
      MeterRegistry meters,
      String group,
      RejectedEvents rejections) {
    Counter parked =
        Counter.builder("ledger.events.dead-lettered")
            .description("Records parked on the dead-letter topic")
            .register(meters);
    DeadLetterPublishingRecoverer publisher =
        new DeadLetterPublishingRecoverer(
            template,
            (record, exception) ->
                new TopicPartition(Topics.deadLetter(group), record.partition()));
    publisher.setHeadersFunction(
        (record, exception) -> {
          SealException rejected = rejection(exception);
          RecordHeaders headers = new RecordHeaders();
          if (rejected != null) {
            headers.add(REJECTED_REASON, rejected.reason().tag().getBytes(StandardCharsets.UTF_8));
          }
          return headers;
        });
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
              SealException rejected = rejection(exception);
              if (rejected != null) {
                rejections.rejected(record, rejected);
              }
            },
            RETRIES);
    handler.addNotRetryableExceptions(UncheckedIOException.class, SealException.class);
    handler.setBackOffFunction(
        (record, exception) ->
            ProblemHandler.databaseUnavailable(exception) ? untilTheDatabaseIsBack() : null);
    return handler;
  }

  static SealException rejection(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SealException sealException) {
        return sealException;
      }
    }
    return null;
  }

  static BackOff untilTheDatabaseIsBack() {
    ExponentialBackOff backOff = new ExponentialBackOff(500L, 2.0);
    backOff.setMaxInterval(30_000L);
    return backOff;
  }
}
