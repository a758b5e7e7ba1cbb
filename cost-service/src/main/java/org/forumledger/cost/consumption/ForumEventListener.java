package org.forumledger.cost.consumption;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.forumledger.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Takes the registry's forum events off the topic. Failures propagate to the container's error
 * handler (bounded retries, then the dead-letter topic), so one bad record never stops the rest.
 */
@Component
public class ForumEventListener implements ConsumerSeekAware {

  public static final String GROUP_ID = "cost-service";
  public static final String LISTENER_ID = "cost-forum-events";

  private static final Logger log = LoggerFactory.getLogger(ForumEventListener.class);

  private final EventApplier applier;
  private final AtomicBoolean seekToBeginningOnAssignment = new AtomicBoolean(false);

  public ForumEventListener(EventApplier applier) {
    this.applier = applier;
  }

  @KafkaListener(id = LISTENER_ID, groupId = GROUP_ID, topics = Topics.FORUM_EVENTS)
  public void onEvent(ConsumerRecord<String, byte[]> record) {
    EventApplier.Outcome outcome = applier.apply(record.value());
    log.debug(
        "{} record {}-{}@{} (key {})",
        outcome,
        record.topic(),
        record.partition(),
        record.offset(),
        record.key());
  }

  /**
   * The next assignment (after the container restarts) reads every partition from its beginning.
   */
  public void replayFromBeginningOnNextAssignment() {
    seekToBeginningOnAssignment.set(true);
  }

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    if (!assignments.isEmpty() && seekToBeginningOnAssignment.getAndSet(false)) {
      log.info("Replaying {} from the beginning", assignments.keySet());
      callback.seekToBeginning(assignments.keySet());
    }
  }
}
