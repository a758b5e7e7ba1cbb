package org.forumledger.infra;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.DynamicVoters;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka node in KRaft mode, broker and controller in one, running in this JVM: what {@link
 * KraftBroker} (a cluster of one) and {@link KraftCluster} (of three) share. Its log directory is
 * formatted once and survives a stop, so the node starts again on the same ports with its data.
 */
final class KraftNode {

  private static final Logger log = LoggerFactory.getLogger(KraftNode.class);

  /** What every node here is: broker and controller at once, on plain localhost listeners. */
  private static final Map<String, String> FIXED =
      Map.ofEntries(
          Map.entry("process.roles", "broker,controller"),
          Map.entry("controller.listener.names", "CONTROLLER"),
          Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
          Map.entry("inter.broker.listener.name", "PLAINTEXT"),
          Map.entry("num.partitions", "1"),
          Map.entry("offsets.topic.num.partitions", "3"),
          Map.entry("group.initial.rebalance.delay.ms", "0"),
          Map.entry("auto.create.topics.enable", "false"),
          Map.entry("log.retention.hours", "-1"),
          Map.entry("log.flush.interval.messages", "1"),
          // the log cleaner (it compacts the consumer offsets) allocates its dedupe buffer on the
          // heap when it starts, 128 MB by default: a third of the local stack's heap for a few
          // thousand keys. 8 MB holds about 300 000 keys per cleaning pass.
          Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8L * 1024 * 1024)),
          // threads for a handful of local clients, not a production broker's defaults (8 I/O, 3
          // network, 10 background)
          Map.entry("num.io.threads", "2"),
          Map.entry("num.network.threads", "2"),
          Map.entry("background.threads", "4"));

  private final int nodeId;
  private final int port;
  private final int controllerPort;
  private final Path logDir;
  private final Map<String, String> settings;
  // the metadata log directory's id, named beside the node in the initial voters
  private final Uuid directoryId = Uuid.randomUuid();
  private KafkaRaftServer server;

  /**
   * @param settings what differs between deployments: replication, see {@link #replication}
   */
  KraftNode(int nodeId, int port, int controllerPort, Path logDir, Map<String, String> settings) {
    this.nodeId = nodeId;
    this.port = port;
    this.controllerPort = controllerPort;
    this.logDir = logDir;
    this.settings = settings;
  }

  /**
   * The settings for {@code replicas} copies of every topic, internal ones included, of which
   * {@code minInSync} must hold a write before it is acknowledged.
   */
  static Map<String, String> replication(int replicas, int minInSync) {
    String copies = String.valueOf(replicas);
    String inSync = String.valueOf(minInSync);
    return Map.of(
        "default.replication.factor", copies,
        "min.insync.replicas", inSync,
        "offsets.topic.replication.factor", copies,
        "transaction.state.log.replication.factor", copies,
        "transaction.state.log.min.isr", inSync,
        "share.coordinator.state.topic.replication.factor", copies,
        "share.coordinator.state.topic.min.isr", inSync);
  }

  int nodeId() {
    return nodeId;
  }

  /** This node as one of the initial voters: {@code id@host:port:directoryId}. */
  String voter() {
    return nodeId + "@localhost:" + controllerPort + ":" + directoryId;
  }

  String controller() {
    return "localhost:" + controllerPort;
  }

  String bootstrapServer() {
    return "localhost:" + port;
  }

  /**
   * Starts the node, formatting its log directory first for {@code clusterId} with {@code voters}
   * as the initial controllers unless it was formatted before; returns once the broker is
   * registered and unfenced, which in a cluster needs a quorum of the controllers running.
   */
  synchronized void start(String clusterId, String voters, String quorum) {
    if (server != null) {
      return;
    }
    try {
      Files.createDirectories(logDir);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(clusterId, voters);
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot prepare Kafka log directory " + logDir, e);
    }
    KafkaRaftServer starting =
        new KafkaRaftServer(KafkaConfig.fromProps(properties(quorum), false), Time.SYSTEM);
    try {
      starting.startup();
    } catch (RuntimeException e) {
      // a half-started server keeps threads and ports: let go of them before giving up
      starting.shutdown();
      starting.awaitShutdown();
      throw e;
    }
    server = starting;
    log.info("Kafka (KRaft) node {} listening on {}", nodeId, bootstrapServer());
  }

  synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
    log.info("Kafka node {} on port {} stopped", nodeId, port);
  }

  synchronized boolean isRunning() {
    return server != null;
  }

  private void format(String clusterId, String voters) throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    // the metadata log directory takes the directory id the voters name for this node
    new Formatter()
        .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
        .setNodeId(nodeId)
        .setClusterId(clusterId)
        .setDirectories(List.of(logDir.toString()))
        .setMetadataLogDirectory(logDir.toString())
        .setControllerListenerName("CONTROLLER")
        .setReleaseVersion(MetadataVersion.latestProduction())
        .setInitialControllers(DynamicVoters.parse(voters))
        .setHasDynamicQuorum(true)
        .run();
    log.debug("Formatted {}: {}", logDir, output.toString(StandardCharsets.UTF_8));
  }

  private Properties properties(String quorum) {
    Properties props = new Properties();
    props.putAll(FIXED);
    props.put("node.id", String.valueOf(nodeId));
    props.put("controller.quorum.bootstrap.servers", quorum);
    props.put(
        "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    props.put("log.dirs", logDir.toString());
    props.put("metadata.log.dir", logDir.toString());
    props.putAll(settings);
    return props;
  }
}
