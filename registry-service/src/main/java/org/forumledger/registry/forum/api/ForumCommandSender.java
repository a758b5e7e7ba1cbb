package org.forumledger.registry.forum.api;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.forumledger.events.MetadataKeys;
import org.forumledger.registry.forum.api.ForumRequests.Provenance;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a command with the request's provenance as metadata. Axon handles commands with blocking
 * JDBC on the calling thread, so sending happens on the bounded elastic scheduler, never on
 * Netty's.
 */
@Component
public class ForumCommandSender {

  private final CommandGateway gateway;

  public ForumCommandSender(CommandGateway gateway) {
    this.gateway = gateway;
  }

  public Mono<Object> send(Object command, Provenance provenance, WriteRequest write) {
    return Mono.fromFuture(
            () ->
                gateway.send(
                    GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(metadata(provenance, write))))
        .subscribeOn(Schedulers.boundedElastic())
        .defaultIfEmpty(Boolean.TRUE);
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
