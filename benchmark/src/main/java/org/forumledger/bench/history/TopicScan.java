package org.forumledger.bench.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;

/** Plain consumers on the forum-events topic, without a group: its tip, and a read of all of it. */
public final class TopicScan {

  /** The last event on the topic (position 0 and no instant when empty) and the record count. */
  public record Tip(long lastPosition, Instant lastRecordedAt, long records) {}

  /** The baseline: every record of the topic read once, as fast as a bare consumer can. */
  public record FullRead(long records, double seconds, double perSecond) {}

  private TopicScan() {}

  public static Tip tip(String bootstrapServers) {
    try (KafkaConsumer<String, byte[]> consumer = PlainConsumer.create(bootstrapServers)) {
      List<TopicPartition> partitions = PlainConsumer.partitions(consumer);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
      long records = 0;
      long lastPosition = 0;
      Instant lastRecordedAt = null;
      for (TopicPartition partition : partitions) {
        long end = ends.get(partition);
        records += end - beginnings.get(partition);
        if (end == beginnings.get(partition)) {
          continue;
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, end - 1);
        EventMetadata last = pollOne(consumer);
        lastPosition = Math.max(lastPosition, last.globalPosition());
        if (lastRecordedAt == null || last.recordedAt().isAfter(lastRecordedAt)) {
          lastRecordedAt = last.recordedAt();
        }
      }
      return new Tip(lastPosition, lastRecordedAt, records);
    }
  }

  private static EventMetadata pollOne(KafkaConsumer<String, byte[]> consumer) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
        return EventJson.readMetadata(record.value());
      }
    }
    throw new IllegalStateException("The topic's last record did not arrive within 30 s");
  }

  public static FullRead readAll(String bootstrapServers) {
    try (KafkaConsumer<String, byte[]> consumer = PlainConsumer.create(bootstrapServers)) {
      List<TopicPartition> partitions = PlainConsumer.partitions(consumer);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long started = System.nanoTime();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long records = 0;
      while (!reached(consumer, partitions, ends)) {
        ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
        records += batch.count();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new FullRead(records, seconds, records / seconds);
    }
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> ends) {
    for (TopicPartition partition : partitions) {
      if (consumer.position(partition) < ends.get(partition)) {
        return false;
      }
    }
    return true;
  }
}
