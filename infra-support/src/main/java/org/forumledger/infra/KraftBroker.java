package org.forumledger.infra;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A real single-node Kafka broker in KRaft mode, running in this JVM. Its log directory survives a
 * stop, so the broker can be stopped and started again on the same ports with its data intact.
 */
public final class KraftBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KraftBroker.class);
  private static final int NODE_ID = 1;

  private final int port;
  private final int controllerPort;
  private final Path logDir;
  private KafkaRaftServer server;

  public KraftBroker(int port, int controllerPort, Path logDir) {
    this.port = port;
    this.controllerPort = controllerPort;
    this.logDir = logDir;
  }

  public synchronized KraftBroker start() {
    if (server != null) {
      return this;
    }
    try {
      Files.createDirectories(logDir);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot prepare Kafka log directory " + logDir, e);
    }
    server = new KafkaRaftServer(KafkaConfig.fromProps(properties(), false), Time.SYSTEM);
    server.startup();
    log.info("Kafka (KRaft) listening on {}", bootstrapServers());
    return this;
  }

  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
    log.info("Kafka on port {} stopped", port);
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  @Override
  public void close() {
    stop();
  }

  private void format() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    new Formatter()
        .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
        .setNodeId(NODE_ID)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(java.util.List.of(logDir.toString()))
        .setMetadataLogDirectory(logDir.toString())
        .setControllerListenerName("CONTROLLER")
        .setReleaseVersion(MetadataVersion.latestProduction())
        .setInitialControllers(
            DynamicVoters.parse(NODE_ID + "@localhost:" + controllerPort + ":" + Uuid.randomUuid()))
        .setHasDynamicQuorum(true)
        .run();
    log.debug("Formatted {}: {}", logDir, output.toString(StandardCharsets.UTF_8));
  }

  private Properties properties() {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
    props.put(
        "listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("metadata.log.dir", logDir.toString());
    props.put("num.partitions", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "3");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    props.put("log.retention.hours", "-1");
    props.put("log.flush.interval.messages", "1");
    return props;
  }
}
