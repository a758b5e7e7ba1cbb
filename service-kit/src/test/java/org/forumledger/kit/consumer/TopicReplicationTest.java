package org.forumledger.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.TopicBuilder;

class TopicReplicationTest {

  @Test
  void aClusterTopicIsKeptOnThreeBrokersAndNeedsTwoForAWrite() {
    NewTopic topic = new TopicReplication(3, 2).applyTo(TopicBuilder.name("t")).build();

    assertThat(topic.replicationFactor()).isEqualTo((short) 3);
    assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
  }

  @Test
  void moreInSyncReplicasThanReplicasCouldNeverAcknowledgeAWrite() {
    assertThatThrownBy(() -> new TopicReplication(1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 of 1");
  }
}
