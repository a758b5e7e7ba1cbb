package org.forumledger.bench.freshness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.forumledger.bench.history.PlainConsumer;
import org.forumledger.bench.stats.Daemons;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;

/**
 * Follows the topic from its end, as a consumer without a group, and notes when each forum's event
 * arrived and which global position the registry gave it: the link between a command's answer
 * (forum and version) and the position the read side must reach.
 */
public final class TopicTail implements AutoCloseable {

  /** When an event reached the topic (as this consumer saw it) and its global position. */
  public record Arrival(long nanos, long globalPosition) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  public TopicTail(String bootstrapServers) {
    this.consumer = PlainConsumer.create(bootstrapServers);
    List<TopicPartition> partitions = PlainConsumer.partitions(consumer);
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // the end as of now, before any command is sent
    this.thread = Daemons.start("topic-tail", this::follow);
  }

  private void follow() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          long now = System.nanoTime();
          EventMetadata metadata = EventJson.readMetadata(record.value());
          arrivals.put(
              key(metadata.forumId(), metadata.sequenceNumber()),
              new Arrival(now, metadata.globalPosition()));
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  public Optional<Arrival> arrival(String forumId, long sequenceNumber) {
    return Optional.ofNullable(arrivals.get(key(forumId, sequenceNumber)));
  }

  private static String key(String forumId, long sequenceNumber) {
    return forumId + "#" + sequenceNumber;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
