package org.forumledger.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.forumledger.kit.consumer.ApplyOnceTest.record;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.Topics;
import org.forumledger.events.testing.ChainSealer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

class ForumEventConsumerTest {

  final ApplyOnceTest.Remembered handled = new ApplyOnceTest.Remembered();

  /** Events whose transaction committed. */
  final List<EventEnvelope> applied = new ArrayList<>();

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final ForumEventConsumer consumer =
      new ForumEventConsumer(
          ApplyOnceTest.inTransactions(
              handled,
              new EventProjection() {
                @Override
                public void apply(EventEnvelope event) {}

                @Override
                public void committed(EventEnvelope event) {
                  applied.add(event);
                }
              },
              ApplyOnceTest.rollingBack(handled)),
          meters);

  final ChainSealer registry = new ChainSealer();

  byte[] sealed(byte[] unsealed) {
    return registry.seal(unsealed).value();
  }

  static List<ConsumerRecord<String, byte[]>> batch(byte[]... values) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      records.add(new ConsumerRecord<>(Topics.FORUM_EVENTS, 0, 100 + i, "forum", values[i]));
    }
    return records;
  }

  @Test
  void aWholeBatchIsAppliedAndCounted() {
    byte[] first = sealed(record("e-1", "forum.ForumStatusChanged", 1, 1));
    consumer.onBatch(batch(first, sealed(record("e-2", "forum.SomethingNew", 1, 2)), first));

    assertThat(applied).hasSize(1);
    assertThat(meters.counter("ledger.events.applied").count()).isEqualTo(1);
    assertThat(meters.counter("ledger.events.skipped", "reason", "unknown-type").count())
        .isEqualTo(1);
    assertThat(meters.counter("ledger.events.duplicate").count()).isEqualTo(1);
    assertThat(consumer.position()).isEqualTo(2);
  }

  @Test
  void aFailingBatchKeepsTheRecordsBeforeTheFailureAndNamesTheFailingOne() {
    BatchListenerFailedException failure =
        catchThrowableOfType(
            BatchListenerFailedException.class,
            () ->
                consumer.onBatch(
                    batch(
                        sealed(record("e-3", "forum.ForumStatusChanged", 1, 3)),
                        "not json".getBytes(StandardCharsets.UTF_8),
                        sealed(record("e-4", "forum.ForumStatusChanged", 1, 4)))));

    assertThat(failure.getIndex()).isEqualTo(1);
    assertThat(failure).hasCauseInstanceOf(UncheckedIOException.class);
    assertThat(applied).extracting(e -> e.metadata().eventId()).containsExactly("e-3");
    assertThat(handled.skippedById).containsOnlyKeys("e-3");
    assertThat(consumer.position()).isEqualTo(3);
  }
}
