package org.forumledger.infra;

import static java.util.stream.Collectors.joining;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * A real Kafka cluster of three KRaft nodes in this JVM, each broker and controller at once, node
 * ids 1 to 3, each on its own ports and log directory: every topic, internal ones included, on all
 * three brokers, two of which must hold a write before it is acknowledged, so one node may be lost
 * without losing or refusing a write. {@link #stop(int)} takes a node away without telling the
 * controllers (no controlled shutdown), as a crash or a lost machine would: its partitions move
 * only once the active controller has missed its heartbeats for the broker session timeout (9 s)
 * and fences it. Its data is kept for {@link #start(int)}.
 */
public final class KraftCluster implements AutoCloseable {

  public static final int NODES = 3;
  public static final int MIN_IN_SYNC = 2;

  private final List<KraftNode> nodes;
  private final String clusterId = Uuid.randomUuid().toString();
  private final String voters;
  private final String quorum;

  public KraftCluster(Path dataDir) {
    Map<String, String> settings = new HashMap<>(KraftNode.replication(NODES, MIN_IN_SYNC));
    settings.put("controlled.shutdown.enable", "false");
    this.nodes =
        IntStream.rangeClosed(1, NODES)
            .mapToObj(
                id ->
                    new KraftNode(
                        id,
                        FreePorts.next(),
                        FreePorts.next(),
                        dataDir.resolve("kafka-" + id),
                        Map.copyOf(settings)))
            .toList();
    this.voters = join(KraftNode::voter);
    this.quorum = join(KraftNode::controller);
  }

  /**
   * Starts every node at once (each one's start waits for a quorum of controllers) and returns once
   * all three brokers are in the cluster.
   */
  public KraftCluster start() {
    try {
      onEveryNode(this::startNode);
      awaitBrokers(NODES);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return this;
  }

  /**
   * Starts node {@code id} (1 to 3) again with its data; returns once it is back in the cluster.
   */
  public void start(int id) {
    startNode(node(id));
    awaitBrokers(NODES);
  }

  /** Takes node {@code id} (1 to 3) away, broker and controller, without a controlled shutdown. */
  public void stop(int id) {
    node(id).stop();
  }

  public boolean isRunning(int id) {
    return node(id).isRunning();
  }

  /** The node that leads {@code partition} of {@code topic} now, as the cluster's metadata says. */
  public int leader(String topic, int partition) {
    try (Admin admin = admin()) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .get(partition)
          .leader()
          .id();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot describe " + topic, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** All three brokers' addresses; a client finds the cluster through any one running. */
  public String bootstrapServers() {
    return join(KraftNode::bootstrapServer);
  }

  @Override
  public void close() {
    onEveryNode(KraftNode::stop);
  }

  /** Runs {@code action} on every node at once, each on a thread of its own, and waits for all. */
  private void onEveryNode(Consumer<KraftNode> action) {
    ExecutorService threads = Executors.newFixedThreadPool(NODES);
    try {
      CompletableFuture.allOf(
              nodes.stream()
                  .map(node -> CompletableFuture.runAsync(() -> action.accept(node), threads))
                  .toArray(CompletableFuture[]::new))
          .join();
    } finally {
      threads.shutdown();
    }
  }

  private void startNode(KraftNode node) {
    node.start(clusterId, voters, quorum);
  }

  private void awaitBrokers(int count) {
    try (Admin admin = admin()) {
      Awaitility.await("Kafka cluster of " + count + " brokers")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(() -> admin.describeCluster().nodes().get().size() == count);
    }
  }

  private Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return Admin.create(props);
  }

  private KraftNode node(int id) {
    if (id < 1 || id > NODES) {
      throw new IllegalArgumentException("No node " + id + " in a cluster of " + NODES);
    }
    return nodes.get(id - 1);
  }

  private String join(Function<KraftNode, String> address) {
    return nodes.stream().map(address).collect(joining(","));
  }
}
