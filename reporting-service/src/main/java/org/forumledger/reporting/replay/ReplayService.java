package org.forumledger.reporting.replay;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.events.seal.SealException;
import org.forumledger.kit.consumer.ApplyOnce;
import org.forumledger.kit.consumer.EventIdSet;
import org.forumledger.kit.consumer.EventProjection;
import org.forumledger.kit.consumer.HandledEvents;
import org.forumledger.kit.consumer.TopicHistory;
import org.forumledger.reporting.api.RuleViolationException;
import org.forumledger.reporting.history.Envelopes;
import org.forumledger.reporting.history.ForumFold;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.StateChecksum;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.store.EventLog;
import org.forumledger.reporting.store.ForumViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The auditor's replay: reads the topic from its beginning with a group-less consumer, folds it
 * into a fresh read model with the same {@link ForumFold}, and compares checksums with the live
 * read model at the same global position. It never writes to the live tables.
 */
@Service
public class ReplayService implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ReplayService.class);
  private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);

  private final Map<String, Object> consumerConfig;
  private final KeyRing registryKeys;
  private final EventLog eventLog;
  private final ForumViews views;
  private final TransactionTemplate reads;
  private final Clock clock;
  private final Duration catchUpTimeout;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "auditor-replay");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicReference<ReplayProgress> progress =
      new AtomicReference<>(ReplayProgress.idle());
  private final Sinks.Many<ReplayProgress> updates = Sinks.many().replay().latest();

  public ReplayService(
      ConsumerFactory<?, ?> listenerConsumers,
      @Value("${ledger.replay.catch-up-timeout:PT60S}") Duration catchUpTimeout,
      EventLog eventLog,
      ForumViews views,
      PlatformTransactionManager transactions,
      Clock clock,
      KeyRing registryKeys) {
    this.registryKeys = registryKeys;
    // the listener's settings, security included, without its group
    this.consumerConfig =
        TopicHistory.consumerConfig(listenerConsumers.getConfigurationProperties());
    this.catchUpTimeout = catchUpTimeout;
    this.eventLog = eventLog;
    this.views = views;
    this.clock = clock;
    this.reads = new TransactionTemplate(transactions);
    reads.setReadOnly(true);
    reads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    updates.tryEmitNext(progress.get());
  }

  public ReplayProgress progress() {
    return progress.get();
  }

  /** Progress now and as it changes, until the replay finishes. */
  public Flux<ReplayProgress> updates() {
    return updates.asFlux().takeUntil(ReplayProgress::finished);
  }

  public synchronized ReplayProgress start() {
    if (progress.get().state() == ReplayProgress.State.RUNNING) {
      throw new RuleViolationException("A replay is already running");
    }
    publish(
        new ReplayProgress(
            ReplayProgress.State.RUNNING,
            0,
            0,
            0,
            clock.instant(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    executor.submit(this::run);
    return progress.get();
  }

  private void run() {
    Instant started = progress.get().startedAt();
    try {
      Fold fold = new Fold();
      long[] recordsRead = new long[1];
      long total = read(fold, recordsRead, started);
      Map<String, ForumState> forums = fold.forums;
      long position = fold.position();
      // the replay's checksum on the common pool while this thread waits for and reads the live one
      CompletableFuture<String> replayed =
          CompletableFuture.supplyAsync(() -> StateChecksum.of(forums.values()));
      Live live = liveAt(position);
      String replayChecksum = joined(replayed);
      boolean equal = replayChecksum.equals(live.checksum());
      log.info(
          "Replay read {} records to position {}: {} (live {} from {})",
          recordsRead[0],
          position,
          equal ? "equal" : "DIFFERENT",
          live.checksum(),
          live.source());
      publish(
          new ReplayProgress(
              ReplayProgress.State.DONE,
              recordsRead[0],
              total,
              100,
              started,
              clock.instant(),
              position,
              forums.size(),
              replayChecksum,
              live.checksum(),
              live.source(),
              equal,
              null));
    } catch (RuntimeException | Error e) {
      // an OutOfMemoryError too must not leave the replay RUNNING for ever
      log.error("Replay failed", e);
      ReplayProgress p = progress.get();
      publish(
          new ReplayProgress(
              ReplayProgress.State.FAILED,
              p.recordsRead(),
              p.recordsTotal(),
              p.percent(),
              started,
              clock.instant(),
              null,
              null,
              null,
              null,
              null,
              null,
              String.valueOf(e.getMessage())));
      if (e instanceof Error error) {
        throw error;
      }
    }
  }

  /**
   * Reads the topic into {@code fold}: a reader thread polls and prepares each poll (parsed,
   * hashed, read) while this thread vouches for and folds the poll before ({@link TopicHistory}).
   */
  private long read(Fold fold, long[] recordsRead, Instant started) {
    ApplyOnce applyOnce = ApplyOnce.inMemory(fold, fold, registryKeys);
    Instant[] nextProgress = {Instant.MIN};
    TopicHistory.Read read =
        TopicHistory.read(
            consumerConfig,
            applyOnce,
            (record, vouched) -> {
              recordsRead[0]++;
              try {
                applyOnce.accept(record.value(), vouched);
              } catch (UncheckedIOException | SealException parked) {
                // the live consumer parks it on the dead-letter topic: no event, or not the
                // registry's
              }
            },
            (recordsSoFar, total) -> {
              // a few updates a second are plenty for a progress bar; one per poll costs the replay
              Instant now = clock.instant();
              if (!now.isBefore(nextProgress[0])) {
                nextProgress[0] = now.plus(PROGRESS_INTERVAL);
                publish(running(recordsSoFar, total, started, fold.forums.size()));
              }
            });
    return read.total();
  }

  private static ReplayProgress running(long read, long total, Instant started, int forums) {
    return new ReplayProgress(
        ReplayProgress.State.RUNNING,
        read,
        total,
        total == 0 ? 100 : (int) (read * 100 / total),
        started,
        null,
        null,
        forums,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * The replay's read model, in memory, fed through the kit's {@link ApplyOnce} so that it makes
   * the live consumer's decisions: unknown types remembered and skipped, each event id once.
   */
  private static final class Fold implements HandledEvents, EventProjection {
    final Map<String, ForumState> forums = new LinkedHashMap<>();
    final EventIdSet seen = new EventIdSet();
    long position = -1;

    @Override
    public boolean remember(EventMetadata event, boolean skipped) {
      if (!seen.add(event.eventId())) {
        return false;
      }
      position = Math.max(position, event.globalPosition());
      return true;
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public void apply(EventEnvelope received) {
      EventEnvelope envelope = Envelopes.normalised(received);
      ForumState next = ForumFold.apply(forums.get(envelope.metadata().forumId()), envelope);
      if (next != null) {
        forums.put(next.forumId(), next);
      }
    }
  }

  private record Live(String checksum, String source) {}

  private static String joined(CompletableFuture<String> checksum) {
    try {
      return checksum.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failed) {
        throw failed;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * The live read model at {@code position}: waits for the consumer to reach it, then takes the
   * materialised view if the consumer stands exactly there, else folds the log up to it.
   */
  private Live liveAt(long position) {
    Instant deadline = clock.instant().plus(catchUpTimeout);
    while (eventLog.position() < position && clock.instant().isBefore(deadline)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the live consumer", e);
      }
    }
    return reads.execute(
        status -> {
          long live = eventLog.position();
          if (live == position) {
            return new Live(StateChecksum.of(views.all()), "forum_view@" + live);
          }
          return new Live(
              StateChecksum.of(ForumFold.fold(eventLog.upTo(position), TimeSlice.CURRENT).values()),
              "event_log@" + position);
        });
  }

  private synchronized void publish(ReplayProgress next) {
    progress.set(next);
    updates.tryEmitNext(next);
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
