package org.forumledger.cost.rebuild;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.forumledger.cost.readmodel.ReadModelFold;
import org.forumledger.kit.consumer.ApplyOnce;
import org.forumledger.kit.consumer.TopicHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the forum events topic from its beginning up to the end offsets it finds on starting, with
 * a plain consumer outside the listener's group, and feeds every record into a fold.
 */
@Component
class TopicReplay {

  private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);
  private final Map<String, Object> consumerConfig;

  TopicReplay(ConsumerFactory<?, ?> listenerConsumers) {
    this.consumerConfig =
        TopicHistory.consumerConfig(listenerConsumers.getConfigurationProperties());
  }

  /** What was read: the offsets to continue from and how each record was decided. */
  record Read(Map<TopicPartition, Long> endOffsets, long records, Map<Decision, Long> decisions) {}

  enum Decision {
    APPLIED,
    DUPLICATE,
    SKIPPED_UNKNOWN_TYPE,
    PARKED
  }

  /** Told, after every poll, how many of the records to read have been read. */
  interface Progress {
    void read(long records, long total);
  }

  /**
   * Reads the topic into {@code fold}: a reader thread polls and prepares each poll (parsed,
   * hashed, read) while this thread vouches for and decides the poll before ({@link TopicHistory}).
   */
  Read into(ReadModelFold fold, Progress progress) {
    Map<Decision, Long> decisions = new HashMap<>();
    TopicHistory.Read read =
        TopicHistory.read(
            consumerConfig,
            fold.verifier(),
            (record, vouched) -> decisions.merge(decide(fold, record, vouched), 1L, Long::sum),
            progress::read);
    return new Read(read.endOffsets(), read.records(), Map.copyOf(decisions));
  }

  private static Decision decide(
      ReadModelFold fold, ConsumerRecord<byte[], byte[]> record, ApplyOnce.Vouched vouched) {
    try {
      ApplyOnce.Outcome outcome = fold.accept(record.value(), vouched);
      return switch (outcome) {
        case APPLIED -> Decision.APPLIED;
        case DUPLICATE -> Decision.DUPLICATE;
        case SKIPPED_UNKNOWN_TYPE -> Decision.SKIPPED_UNKNOWN_TYPE;
      };
    } catch (RuntimeException parked) {
      // the live consumer parks such a record on the dead-letter topic, where it already is
      log.warn(
          "Rebuild leaves out record {}-{}@{} as the live consumer parked it: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          parked.getMessage());
      return Decision.PARKED;
    }
  }
}
