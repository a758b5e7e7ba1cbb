package org.forumledger.cost.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the read model from the beginning of the topic in bulk, in the background: {@link
 * #start} answers at once and {@link #progress} tells how far it is. The listener container is
 * stopped first (its consumer thread has exited when {@code stop()} returns); the topic is read to
 * its end offsets and folded in memory, and the whole model is replaced in one transaction, so
 * readers see the old model until the new one commits. The listener's group then commits those end
 * offsets, and the restarted listener continues from there; had the commit failed it would
 * redeliver what the rebuild applied, which changes nothing.
 */
@Service
public class RebuildService implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(RebuildService.class);

  private final KafkaListenerEndpointRegistry registry;
  private final ReadModelAdmin readModel;
  private final TopicReplay topic;
  private final KafkaAdmin kafkaAdmin;
  private final Clock clock;
  private final String group;
  private final AtomicReference<RebuildProgress> progress =
      new AtomicReference<>(RebuildProgress.idle());
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "cost-rebuild");
            thread.setDaemon(true);
            return thread;
          });

  public RebuildService(
      KafkaListenerEndpointRegistry registry,
      ReadModelAdmin readModel,
      TopicReplay topic,
      KafkaAdmin kafkaAdmin,
      Clock clock,
      @Value("${spring.kafka.consumer.group-id}") String group) {
    this.registry = registry;
    this.readModel = readModel;
    this.topic = topic;
    this.kafkaAdmin = kafkaAdmin;
    this.clock = clock;
    this.group = group;
  }

  public RebuildProgress progress() {
    return progress.get();
  }

  /**
   * Starts a rebuild and answers with its first progress.
   *
   * @throws AlreadyRunning while another rebuild runs
   */
  public synchronized RebuildProgress start() {
    if (progress.get().running()) {
      throw new AlreadyRunning();
    }
    MessageListenerContainer container =
        registry.getListenerContainer(ForumEventConsumer.LISTENER_ID);
    if (container == null) {
      throw new IllegalStateException("No listener container " + ForumEventConsumer.LISTENER_ID);
    }
    RebuildProgress started = RebuildProgress.started(clock.instant());
    progress.set(started);
    executor.submit(() -> run(container, started));
    return started;
  }

  private void run(MessageListenerContainer container, RebuildProgress started) {
    log.warn("Rebuilding the cost read model from the beginning of the topic");
    long startedNanos = System.nanoTime();
    try {
      container.stop();
      try {
        ReadModelAdmin.Replaced<TopicReplay.Read> replaced =
            readModel.replaceAll(
                fold ->
                    topic.into(fold, (read, total) -> progress.set(started.reading(read, total))));
        TopicReplay.Read read = replaced.replayed();
        continueListenerAt(read);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        RebuildProgress done =
            started.done(
                clock.instant(),
                read.records(),
                new RebuildProgress.Outcome(
                    read.decisions().getOrDefault(Decision.APPLIED, 0L),
                    read.decisions().getOrDefault(Decision.DUPLICATE, 0L),
                    read.decisions().getOrDefault(Decision.SKIPPED_UNKNOWN_TYPE, 0L),
                    read.decisions().getOrDefault(Decision.PARKED, 0L),
                    replaced.position(),
                    millis));
        log.info(
            "Rebuilt the cost read model: {} ({} records/s)",
            done,
            millis == 0 ? read.records() : read.records() * 1000 / millis);
        progress.set(done);
      } finally {
        container.start();
      }
    } catch (RuntimeException e) {
      log.error("The rebuild of the cost read model failed; the old read model stands", e);
      progress.set(progress.get().failed(clock.instant(), e.toString()));
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
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
