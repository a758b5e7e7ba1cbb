package org.forumledger.kit.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.forumledger.events.Topics;

/**
 * Reads the forum events topic from its beginning up to the end offsets it finds on starting, with
 * a plain consumer outside the listener's group, for a rebuild or a replay folded in memory.
 *
 * <p>A reader thread polls and {@link ApplyOnce#prepare prepares} each poll's records (parsed,
 * hashed and read, on the common fork-join pool as well) while the calling thread decides the poll
 * before, in order: every record's hash and the chain's order are still checked, one signature a
 * poll, when the calling thread vouches for the prepared poll. A rebuild's profile (200 000 events)
 * had the deciding thread alone for a third of its time and, with polls of 5 000 records, young
 * collections copying the decoded polls for another third; polls are now {@value #POLL_RECORDS}
 * records, and at most {@value #AHEAD} of them wait decoded.
 */
public final class TopicHistory {

  /** Records a poll at most: a poll is decoded at once, and what is decoded stays until decided. */
  public static final int POLL_RECORDS = 500;

  /** Polls decoded ahead of the one being decided. */
  static final int AHEAD = 2;

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private TopicHistory() {}

  /** Decides one record, in the topic's order, with what vouches for its poll. */
  @FunctionalInterface
  public interface Decide {
    void record(ConsumerRecord<byte[], byte[]> record, ApplyOnce.Vouched vouched);
  }

  /** Told, after every poll decided, how many of the records to read have been read. */
  @FunctionalInterface
  public interface Progress {
    void read(long records, long total);
  }

  /** What was read: the offsets to continue from, the records read and how many there were. */
  public record Read(Map<TopicPartition, Long> endOffsets, long records, long total) {}

  /**
   * The listener's consumer settings (security included) without its group, never committing, as
   * bytes, {@value #POLL_RECORDS} records a poll.
   */
  public static Map<String, Object> consumerConfig(Map<String, Object> listener) {
    Map<String, Object> config = new HashMap<>(listener);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, POLL_RECORDS);
    return Map.copyOf(config);
  }

  /**
   * Reads the topic to the end offsets found on starting: each poll {@link ApplyOnce#prepare
   * prepared} by {@code applyOnce} on the reader thread, then on the calling thread, poll after
   * poll in the topic's order, {@link ApplyOnce#vouch(ApplyOnce.Prepared) vouched for} by it
   * against the chain as far as it has followed it and every record given to {@code decide}, which
   * decides it through the same {@code applyOnce}. A failure of either thread ends the read and is
   * thrown here.
   */
  public static Read read(
      Map<String, Object> consumerConfig, ApplyOnce applyOnce, Decide decide, Progress progress) {
    BlockingQueue<Object> polls = new ArrayBlockingQueue<>(AHEAD);
    AtomicBoolean stop = new AtomicBoolean();
    Reader reader = new Reader(consumerConfig, applyOnce::prepare, polls, stop);
    Thread thread = new Thread(reader, Thread.currentThread().getName() + "-reader");
    thread.setDaemon(true);
    thread.start();
    long records = 0;
    try {
      Object next = take(polls);
      if (next instanceof Throwable failed) {
        throw rethrown(failed);
      }
      Started started = (Started) next;
      progress.read(0, started.total());
      while (true) {
        next = take(polls);
        if (next instanceof Throwable failed) {
          throw rethrown(failed);
        }
        if (next == END) {
          return new Read(started.endOffsets(), records, started.total());
        }
        Poll poll = (Poll) next;
        ApplyOnce.Vouched vouched = applyOnce.vouch(poll.prepared());
        for (ConsumerRecord<byte[], byte[]> record : poll.records()) {
          decide.record(record, vouched);
        }
        records += poll.records().size();
        progress.read(records, started.total());
      }
    } finally {
      stop.set(true);
      polls.clear();
      thread.interrupt();
    }
  }

  private static final Object END = new Object();

  private record Started(Map<TopicPartition, Long> endOffsets, long total) {}

  private record Poll(List<ConsumerRecord<byte[], byte[]>> records, ApplyOnce.Prepared prepared) {}

  private static Object take(BlockingQueue<Object> polls) {
    try {
      return polls.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the topic", e);
    }
  }

  private static RuntimeException rethrown(Throwable failed) {
    if (failed instanceof Error error) {
      throw error;
    }
    return failed instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException("Reading the topic failed", failed);
  }

  /** Polls and prepares on its own thread, handing the polls on in order. */
  private static final class Reader implements Runnable {

    private final Map<String, Object> config;
    private final Function<List<byte[]>, ApplyOnce.Prepared> prepare;
    private final BlockingQueue<Object> polls;
    private final AtomicBoolean stop;

    Reader(
        Map<String, Object> config,
        Function<List<byte[]>, ApplyOnce.Prepared> prepare,
        BlockingQueue<Object> polls,
        AtomicBoolean stop) {
      this.config = config;
      this.prepare = prepare;
      this.polls = polls;
      this.stop = stop;
    }

    @Override
    public void run() {
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(Topics.FORUM_EVENTS, PATIENCE).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, PATIENCE);
        long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        hand(new Started(Map.copyOf(end), total));
        while (!stop.get()
            && partitions.stream().anyMatch(p -> consumer.position(p, PATIENCE) < end.get(p))) {
          List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
          List<byte[]> values = new ArrayList<>();
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
              batch.add(record);
              values.add(record.value());
            }
          }
          if (!batch.isEmpty()) {
            hand(new Poll(batch, prepare.apply(values)));
          }
        }
        hand(END);
      } catch (InterruptedException e) {
        // the caller stopped reading
      } catch (RuntimeException | Error e) {
        try {
          hand(e);
        } catch (InterruptedException stopped) {
          // the caller stopped reading
        }
      }
    }

    private void hand(Object next) throws InterruptedException {
      if (!stop.get()) {
        polls.put(next);
      }
    }
  }
}
