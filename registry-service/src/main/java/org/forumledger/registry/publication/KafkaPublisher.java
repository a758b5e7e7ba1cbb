package org.forumledger.registry.publication;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumEventType;
import org.forumledger.events.LedgerEvent;
import org.forumledger.events.MetadataKeys;
import org.forumledger.events.Topics;
import org.forumledger.events.WireHeaders;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.Seals;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes every stored event to Kafka, in store order, from a tracking processor: the event store
 * is the outbox. The processor hands over a batch of events; they are all sent without waiting, in
 * order (an idempotent producer keeps a partition's order through retries), and the batch commits,
 * moving the processor's token past it, only once Kafka has acknowledged every one of its records
 * (acks=all). A failed or unacknowledged send fails the batch, which is sent again, so an event
 * stored while Kafka is down is published when Kafka is back. A resend or a crash between
 * acknowledgement and token update republishes; consumers deduplicate on the event id.
 *
 * <p>Every event goes out sealed ({@link Seals}): chained to the event published before it, in
 * publication order, which is not always global order (a late gap-filling event follows events of
 * higher positions), and signed with the registry's active key. The batch's seals are committed
 * before its records are sent, in a transaction of their own: a crash after Kafka has acknowledged
 * and before the token moves must not forget them, or the batch, read again with a gap filled in
 * the meantime, would be sealed anew and fork the chain the consumers already follow. An event
 * published again therefore always goes out with the seal it already has, byte for byte the same
 * record.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
public class KafkaPublisher {

  public static final String PROCESSING_GROUP = "kafka-publication";
  private static final long SEND_TIMEOUT_SECONDS = 120;
  private static final String BATCH = KafkaPublisher.class.getName() + ".batch";

  private final KafkaTemplate<String, byte[]> kafka;
  private final PublicationChain chain;
  private final RegistryKeys keys;
  private final TransactionTemplate sealsFirst;

  public KafkaPublisher(
      KafkaTemplate<String, byte[]> kafka,
      PublicationChain chain,
      RegistryKeys keys,
      PlatformTransactionManager transactions) {
    this.kafka = kafka;
    this.chain = chain;
    this.keys = keys;
    this.sealsFirst = new TransactionTemplate(transactions);
    this.sealsFirst.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @EventHandler
  public void on(LedgerEvent event, DomainEventMessage<?> message, TrackingToken token) {
    // sealed at the batch's commit, once the batch's event ids are all known: what the batch sealed
    // before is then one query, not one per event
    thisBatch().events.add(new Handled(event, message, token.position().orElseThrow()));
  }

  /** An event of the batch and the processor's position at it. */
  private record Handled(LedgerEvent event, DomainEventMessage<?> message, long position) {}

  /** A record and the chain sequence of its seal: records go out in chain order. */
  private record Sent(long chainSequence, ProducerRecord<String, byte[]> record) {}

  /**
   * The processor's current batch: its events, in the processor's order; at its commit their seals,
   * continuing the chain from the last committed seal and committed first, then their records, sent
   * together and awaited once.
   */
  private final class Batch {
    final List<Handled> events = new ArrayList<>();
    final List<Sent> records = new ArrayList<>();
    long lastSequence;
    final List<PublicationChain.Sealing> sealings = new ArrayList<>();
    ChainLink head;

    /**
     * The record of an event: with the seal it was given before a crash or a failed send, if it was
     * sealed at all, else sealed now as the chain's next link.
     */
    void publish(Handled handled, Optional<PublicationChain.Sealing> sealedBefore) {
      LedgerEvent event = handled.event();
      DomainEventMessage<?> message = handled.message();
      // published again, the record must be byte for byte what it was: the position it carried
      // then, not the processor's position now, which differs for an event that filled a gap
      long position =
          sealedBefore.map(PublicationChain.Sealing::globalIndex).orElse(handled.position());
      EventEnvelope envelope = new EventEnvelope(metadata(event, message, position), event);
      EventMetadata metadata = envelope.metadata();
      byte[] unsealed = EventJson.write(envelope);
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(
              Topics.FORUM_EVENTS,
              null,
              message.getTimestamp().toEpochMilli(),
              event.streamId(),
              sealedBefore.isPresent()
                  ? sealedAgain(unsealed, sealedBefore.get())
                  : sealed(metadata, unsealed));
      record.headers().add(WireHeaders.EVENT_TYPE, bytes(metadata.eventType()));
      record
          .headers()
          .add(WireHeaders.EVENT_VERSION, bytes(String.valueOf(metadata.eventVersion())));
      record.headers().add(WireHeaders.EVENT_ID, bytes(metadata.eventId()));
      records.add(new Sent(lastSequence, record));
    }

    byte[] sealedAgain(byte[] unsealed, PublicationChain.Sealing before) {
      lastSequence = before.seal().chainSequence();
      return Seals.attach(unsealed, before.seal());
    }

    byte[] sealed(EventMetadata metadata, byte[] unsealed) {
      Seals.Sealed sealed = Seals.seal(unsealed, head, keys.active());
      head = sealed.seal().link();
      lastSequence = sealed.seal().chainSequence();
      sealings.add(
          new PublicationChain.Sealing(
              metadata.eventId(), metadata.globalPosition(), sealed.seal()));
      return sealed.value();
    }

    void commit() {
      head = chain.head();
      Map<String, PublicationChain.Sealing> sealedBefore =
          head.sequence() > 0
              ? chain.sealingsOf(events.stream().map(h -> h.message().getIdentifier()).toList())
              : Map.of();
      for (Handled handled : events) {
        publish(handled, Optional.ofNullable(sealedBefore.get(handled.message().getIdentifier())));
      }
      if (!sealings.isEmpty()) {
        sealsFirst.executeWithoutResult(status -> chain.record(sealings));
        sealings.clear();
      }
      // events sealed before a crash come again, perhaps after one that became visible since and
      // was sealed after them: the topic takes them in chain order all the same
      records.sort(Comparator.comparingLong(Sent::chainSequence));
      List<CompletableFuture<?>> sends = new ArrayList<>(records.size());
      for (Sent sent : records) {
        sends.add(kafka.send(sent.record()));
      }
      // the batch's records go out now, together, instead of after the producer's linger
      kafka.flush();
      awaitAcknowledgement(sends);
      // the token the processor now stores is a watermark the publication can always fall back
      // from: its commit need not wait for the disk (see PublicationChain#tokenNeedNotWaitForDisk)
      chain.tokenNeedNotWaitForDisk();
    }
  }

  private Batch thisBatch() {
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    return root.getOrComputeResource(
        BATCH,
        key -> {
          Batch batch = new Batch();
          root.onPrepareCommit(committing -> batch.commit());
          return batch;
        });
  }

  private static void awaitAcknowledgement(List<CompletableFuture<?>> sends) {
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublicationFailedException("Interrupted while waiting for Kafka", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new PublicationFailedException(
          "Kafka did not acknowledge " + sends.size() + " events; the batch is sent again", e);
    }
  }

  static final class PublicationFailedException extends RuntimeException {
    PublicationFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static EventMetadata metadata(LedgerEvent event, DomainEventMessage<?> message, long position) {
    ForumEventType type = ForumEventType.of(event);
    MetaData meta = message.getMetaData();
    String effectiveDate = text(meta, MetadataKeys.EFFECTIVE_DATE);
    return new EventMetadata(
        message.getIdentifier(),
        type.logicalName(),
        type.version(),
        event.streamId(),
        message.getSequenceNumber(),
        position,
        message.getTimestamp(),
        effectiveDate == null ? null : LocalDate.parse(effectiveDate),
        text(meta, MetadataKeys.ACTOR),
        text(meta, MetadataKeys.REASON),
        text(meta, MetadataKeys.DECISION_REFERENCE),
        text(meta, MetadataKeys.CORRELATION_ID));
  }

  private static String text(MetaData meta, String key) {
    Object value = meta.get(key);
    return value == null ? null : value.toString();
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
