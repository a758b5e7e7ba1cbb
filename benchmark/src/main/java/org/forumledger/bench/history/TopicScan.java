package org.forumledger.bench.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.Seals;

/** Plain consumers on the forum-events topic, without a group: its tip, and a read of all of it. */
public final class TopicScan {

  /**
   * The last event on the topic (position 0 and no instant when empty), the record count, and the
   * chain's last link (the start when nothing sealed was published).
   */
  public record Tip(long lastPosition, Instant lastRecordedAt, long records, ChainLink lastLink) {}

  /**
   * The baseline: every record of the topic read once, as fast as a bare consumer can. {@code
   * perSecond} counts from the first record, so the consumer's connecting and joining (a second or
   * so, which would dominate a short topic) is left out; {@code seconds} is the whole read.
   */
  public record FullRead(long records, double seconds, double perSecond) {}

  private TopicScan() {}

  public static Tip tip(String bootstrapServers) {
    try (KafkaConsumer<String, byte[]> consumer = PlainConsumer.create(bootstrapServers)) {
      List<TopicPartition> partitions = PlainConsumer.partitions(consumer);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
      List<TopicPartition> filled =
          partitions.stream().filter(p -> ends.get(p) > beginnings.get(p)).toList();
      long records = partitions.stream().mapToLong(p -> ends.get(p) - beginnings.get(p)).sum();
      consumer.assign(filled);
      filled.forEach(p -> consumer.seek(p, ends.get(p) - 1));
      long lastPosition = 0;
      Instant lastRecordedAt = null;
      ChainLink lastLink = ChainLink.START;
      Set<Integer> seen = new HashSet<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.size() < filled.size()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("The topic's last records did not arrive within 30 s");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset()
                  == ends.get(new TopicPartition(record.topic(), record.partition())) - 1
              && seen.add(record.partition())) {
            EventMetadata last = EventJson.readMetadata(record.value());
            lastPosition = Math.max(lastPosition, last.globalPosition());
            if (lastRecordedAt == null || last.recordedAt().isAfter(lastRecordedAt)) {
              lastRecordedAt = last.recordedAt();
            }
            JsonNode seal = Seals.readTree(record.value()).get(Seals.SEAL);
            if (seal != null && seal.path("chainSequence").asLong() > lastLink.sequence()) {
              lastLink =
                  new ChainLink(seal.path("chainSequence").asLong(), seal.path("hash").asText());
            }
          }
        }
      }
      return new Tip(lastPosition, lastRecordedAt, records, lastLink);
    }
  }

  public static FullRead readAll(String bootstrapServers) {
    try (KafkaConsumer<String, byte[]> consumer = PlainConsumer.create(bootstrapServers)) {
      List<TopicPartition> partitions = PlainConsumer.partitions(consumer);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long started = System.nanoTime();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long records = 0;
      long firstArrived = 0;
      long firstBatch = 0;
      while (!reached(consumer, partitions, ends)) {
        ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
        if (firstArrived == 0 && !batch.isEmpty()) {
          firstArrived = System.nanoTime();
          firstBatch = batch.count();
        }
        records += batch.count();
      }
      long finished = System.nanoTime();
      double steady = (finished - firstArrived) / 1e9;
      return new FullRead(
          records,
          (finished - started) / 1e9,
          steady > 0 ? (records - firstBatch) / steady : records / ((finished - started) / 1e9));
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
