package org.forumledger.cost.rebuild;

import org.forumledger.cost.readmodel.ReadModelAdmin;
import org.forumledger.kit.consumer.ForumEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the read model from the beginning of the topic. The listener container is stopped first
 * (its consumer thread has exited when {@code stop()} returns), so no record is applied between the
 * reset and the replay; on restart the listener seeks every assigned partition to its beginning.
 */
@Service
public class RebuildService {

  private static final Logger log = LoggerFactory.getLogger(RebuildService.class);

  private final KafkaListenerEndpointRegistry registry;
  private final ForumEventConsumer listener;
  private final ReadModelAdmin readModel;

  public RebuildService(
      KafkaListenerEndpointRegistry registry,
      ForumEventConsumer listener,
      ReadModelAdmin readModel) {
    this.registry = registry;
    this.listener = listener;
    this.readModel = readModel;
  }

  public synchronized void rebuild() {
    MessageListenerContainer container =
        registry.getListenerContainer(ForumEventConsumer.LISTENER_ID);
    if (container == null) {
      throw new IllegalStateException("No listener container " + ForumEventConsumer.LISTENER_ID);
    }
    log.warn("Rebuilding the cost read model from the beginning of the topic");
    container.stop();
    readModel.reset();
    listener.replayFromBeginningOnNextAssignment();
    container.start();
  }
}
