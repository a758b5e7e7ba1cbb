package org.forumledger.cost.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.forumledger.cost.readmodel.ReadModelFold;
import org.forumledger.events.Topics;
import org.forumledger.kit.consumer.ApplyOnce;
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
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Map<String, Object> consumerConfig;

  TopicReplay(ConsumerFactory<?, ?> listenerConsumers) {
    Map<String, Object> config = new HashMap<>(listenerConsumers.getConfigurationProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    this.consumerConfig = Map.copyOf(config);
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

  Read into(ReadModelFold fold, Progress progress) {
    Map<Decision, Long> decisions = new HashMap<>();
    long records = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.FORUM_EVENTS, PATIENCE).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, PATIENCE);
      long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
      progress.read(0, total);
      while (partitions.stream().anyMatch(p -> consumer.position(p, PATIENCE) < end.get(p))) {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
            batch.add(record);
          }
        }
        ApplyOnce.Vouched vouched = fold.vouch(batch.stream().map(ConsumerRecord::value).toList());
        for (ConsumerRecord<byte[], byte[]> record : batch) {
          records++;
          decisions.merge(decide(fold, record, vouched), 1L, Long::sum);
        }
        progress.read(records, total);
      }
      return new Read(Map.copyOf(end), records, Map.copyOf(decisions));
    }
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
