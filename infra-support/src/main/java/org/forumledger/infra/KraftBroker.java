package org.forumledger.infra;

import java.nio.file.Path;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode, running in this JVM. Its log directory survives a
 * stop, so the broker can be stopped and started again on the same ports with its data intact.
 */
public final class KraftBroker implements AutoCloseable {

  private final KraftNode node;

  public KraftBroker(int port, int controllerPort, Path logDir) {
    this.node = new KraftNode(1, port, controllerPort, logDir, KraftNode.replication(1, 1));
  }

  public KraftBroker start() {
    node.start(Uuid.randomUuid().toString(), node.voter(), node.controller());
    return this;
  }

  public void stop() {
    node.stop();
  }

  public boolean isRunning() {
    return node.isRunning();
  }

  public String bootstrapServers() {
    return node.bootstrapServer();
  }

  @Override
  public void close() {
    stop();
  }
}
