package org.forumledger.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftClusterTest {

  @TempDir Path dataDir;

  @Test
  void aTopicOnThreeNodesTakesWritesWithItsLeaderLostAndKeepsThem() throws Exception {
    try (KraftCluster cluster = new KraftCluster(dataDir).start();
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
        KafkaProducer<String, String> producer = producer(cluster)) {
      assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
      assertThat(admin.describeCluster().nodes().get()).hasSize(3);
      // the cluster's defaults: three copies, two in sync
      admin.createTopics(List.of(new NewTopic("t", Optional.of(1), Optional.empty()))).all().get();
      assertThat(describe(admin).partitions().get(0).replicas()).hasSize(3);
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "t");
      assertThat(
              admin
                  .describeConfigs(List.of(topic))
                  .all()
                  .get()
                  .get(topic)
                  .get("min.insync.replicas")
                  .value())
          .isEqualTo("2");
      producer.send(new ProducerRecord<>("t", "k", "before")).get();

      int leader = cluster.leader("t", 0);
      cluster.stop(leader);
      assertThat(cluster.isRunning(leader)).isFalse();
      // acknowledged by the two left (acks=all, min.insync.replicas 2) once a new leader is chosen
      producer.send(new ProducerRecord<>("t", "k", "without-" + leader)).get();
      assertThat(cluster.leader("t", 0)).isNotEqualTo(leader);
      assertThat(describe(admin).partitions().get(0).isr()).hasSize(2);

      cluster.start(leader);
      await("node " + leader + " back in sync")
          .atMost(Duration.ofMinutes(1))
          .until(() -> describe(admin).partitions().get(0).isr().size() == 3);
      producer.send(new ProducerRecord<>("t", "k", "after")).get();

      assertThat(consumeAll(cluster, 3)).containsExactly("before", "without-" + leader, "after");
    }
  }

  private static TopicDescription describe(Admin admin) throws Exception {
    return admin.describeTopics(List.of("t")).allTopicNames().get().get("t");
  }

  private static KafkaProducer<String, String> producer(KraftCluster cluster) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static List<String> consumeAll(KraftCluster cluster, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition("t", 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      await("the topic read")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return values.size() >= expected;
              });
    }
    return values;
  }
}
