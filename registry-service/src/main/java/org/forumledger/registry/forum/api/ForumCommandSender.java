package org.forumledger.registry.forum.api;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.forumledger.events.MetadataKeys;
import org.forumledger.registry.forum.api.ForumRequests.Provenance;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
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

  public Mono<Object> send(Object command, Provenance provenance, String correlationId) {
    return ReactiveSecurityContextHolder.getContext()
        .map(context -> context.getAuthentication().getName())
        .switchIfEmpty(Mono.error(new IllegalStateException("no authenticated principal")))
        .flatMap(
            actor ->
                Mono.fromFuture(
                        () ->
                            gateway.send(
                                GenericCommandMessage.asCommandMessage(command)
                                    .andMetaData(metadata(actor, provenance, correlationId))))
                    .subscribeOn(Schedulers.boundedElastic()))
        .defaultIfEmpty(Boolean.TRUE);
  }

  private static Map<String, Object> metadata(
      String actor, Provenance provenance, String correlationId) {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put(MetadataKeys.ACTOR, actor);
    metadata.put(MetadataKeys.REASON, provenance.reason().strip());
    metadata.put(MetadataKeys.EFFECTIVE_DATE, provenance.effectiveDate().toString());
    if (provenance.decisionReference() != null && !provenance.decisionReference().isBlank()) {
      metadata.put(MetadataKeys.DECISION_REFERENCE, provenance.decisionReference().strip());
    }
    metadata.put(
        MetadataKeys.CORRELATION_ID,
        correlationId == null || correlationId.isBlank()
            ? UUID.randomUUID().toString()
            : correlationId);
    return metadata;
  }
}
