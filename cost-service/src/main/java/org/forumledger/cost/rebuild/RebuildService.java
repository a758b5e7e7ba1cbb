package org.forumledger.cost.rebuild;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.forumledger.cost.readmodel.ReadModelAdmin;
import org.forumledger.cost.rebuild.TopicReplay.Decision;
import org.forumledger.kit.consumer.ForumEventConsumer;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the read model from the beginning of the topic in bulk. The listener container is
 * stopped first (its consumer thread has exited when {@code stop()} returns); the topic is read to
 * its end offsets and folded in memory, and the whole model is replaced in one transaction, so
 * readers see the old model until the new one commits. The listener's group then commits those end
 * offsets, and the restarted listener continues from there; had the commit failed it would
 * redeliver what the rebuild applied, which changes nothing.
 */
@Service
public class RebuildService {

  private static final Logger log = LoggerFactory.getLogger(RebuildService.class);

  private final KafkaListenerEndpointRegistry registry;
  private final ReadModelAdmin readModel;
  private final TopicReplay topic;
  private final KafkaAdmin kafkaAdmin;
  private final String group;
  private final AtomicBoolean running = new AtomicBoolean();

  public RebuildService(
      KafkaListenerEndpointRegistry registry,
      ReadModelAdmin readModel,
      TopicReplay topic,
      KafkaAdmin kafkaAdmin,
      @Value("${spring.kafka.consumer.group-id}") String group) {
    this.registry = registry;
    this.readModel = readModel;
    this.topic = topic;
    this.kafkaAdmin = kafkaAdmin;
    this.group = group;
  }

  /** What a rebuild read and wrote, and how long it took. */
  public record Rebuilt(
      long records,
      long applied,
      long duplicates,
      long skippedUnknownType,
      long parked,
      long position,
      long millis) {}

  /**
   * @throws AlreadyRunning while another rebuild runs
   */
  public Rebuilt rebuild() {
    if (!running.compareAndSet(false, true)) {
      throw new AlreadyRunning();
    }
    try {
      MessageListenerContainer container =
          registry.getListenerContainer(ForumEventConsumer.LISTENER_ID);
      if (container == null) {
        throw new IllegalStateException("No listener container " + ForumEventConsumer.LISTENER_ID);
      }
      log.warn("Rebuilding the cost read model from the beginning of the topic");
      long started = System.nanoTime();
      container.stop();
      try {
        ReadModelAdmin.Replaced<TopicReplay.Read> replaced = readModel.replaceAll(topic::into);
        TopicReplay.Read read = replaced.replayed();
        continueListenerAt(read);
        Rebuilt rebuilt =
            new Rebuilt(
                read.records(),
                read.decisions().getOrDefault(Decision.APPLIED, 0L),
                read.decisions().getOrDefault(Decision.DUPLICATE, 0L),
                read.decisions().getOrDefault(Decision.SKIPPED_UNKNOWN_TYPE, 0L),
                read.decisions().getOrDefault(Decision.PARKED, 0L),
                replaced.position(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        log.info(
            "Rebuilt the cost read model: {} ({} records/s)",
            rebuilt,
            rebuilt.millis() == 0
                ? rebuilt.records()
                : rebuilt.records() * 1000 / rebuilt.millis());
        return rebuilt;
      } finally {
        container.start();
      }
    } finally {
      running.set(false);
    }
  }

  private void continueListenerAt(TopicReplay.Read read) {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        read.endOffsets().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
    try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
      admin
          .alterConsumerGroupOffsets(group, offsets)
          .all()
          .get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.warn(
          "Could not move group {} to the rebuilt offsets {}; the listener will redeliver what the"
              + " rebuild applied, which changes nothing: {}",
          group,
          offsets,
          e.toString());
    }
  }

  /** 409: one rebuild at a time. */
  public static final class AlreadyRunning extends ProblemException {
    AlreadyRunning() {
      super(ProblemType.CONCURRENT_CHANGE, "A rebuild of the cost read model is already running");
    }
  }
}
