package org.forumledger.registry.forum.api;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.forumledger.events.MetadataKeys;
import org.forumledger.registry.forum.api.ForumRequests.Provenance;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the request's provenance as metadata. Axon handles it on the calling thread,
 * inside the caller's transaction, so a write's events commit with whatever else the caller writes.
 */
@Component
public class ForumCommandSender {

  private final CommandGateway gateway;

  public ForumCommandSender(CommandGateway gateway) {
    this.gateway = gateway;
  }

  /**
   * While the command is handled, the log lines of this thread carry the request's correlation id,
   * the one its events carry to the consumers' logs.
   */
  public void sendAndWait(Object command, Provenance provenance, WriteRequest write) {
    MDC.put(MetadataKeys.CORRELATION_ID, write.correlationId());
    try {
      send(command, provenance, write);
    } finally {
      MDC.remove(MetadataKeys.CORRELATION_ID);
    }
  }

  private void send(Object command, Provenance provenance, WriteRequest write) {
    CompletableFuture<Object> handled =
        gateway.send(
            GenericCommandMessage.asCommandMessage(command)
                .andMetaData(metadata(provenance, write)));
    try {
      handled.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while handling " + command, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Map<String, Object> metadata(Provenance provenance, WriteRequest write) {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put(MetadataKeys.ACTOR, write.actor());
    metadata.put(MetadataKeys.REASON, provenance.reason().strip());
    metadata.put(MetadataKeys.EFFECTIVE_DATE, provenance.effectiveDate().toString());
    if (provenance.decisionReference() != null && !provenance.decisionReference().isBlank()) {
      metadata.put(MetadataKeys.DECISION_REFERENCE, provenance.decisionReference().strip());
    }
    metadata.put(MetadataKeys.CORRELATION_ID, write.correlationId());
    return metadata;
  }
}
