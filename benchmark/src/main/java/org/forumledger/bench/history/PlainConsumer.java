package org.forumledger.bench.history;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.forumledger.events.Topics;

/** A consumer of the forum-events topic without a group: it reads, it never commits. */
public final class PlainConsumer {

  private PlainConsumer() {}

  public static KafkaConsumer<String, byte[]> create(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(p);
  }

  public static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
    return consumer.partitionsFor(Topics.FORUM_EVENTS).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
  }
}
