package org.forumledger.kit.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.MetadataKeys;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.EventSeal;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.events.seal.SealException;
import org.forumledger.events.seal.Seals;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The consumer's decision for one published record, the same for a live consumer and a replay.
 *
 * <p>First the record must be the registry's: its seal verifies with one of the configured public
 * keys, and it is the next link of the chain this consumer follows (or a redelivery of an event it
 * has already followed). Otherwise it throws {@link SealException} and nothing of it is applied:
 * not its effect, not its position, not the chain head. Then an event of a known type is applied
 * once, one of an unknown type or version is remembered as skipped, a redelivery changes nothing,
 * and bytes that are no event at all throw {@link java.io.UncheckedIOException}. Both exceptions
 * park the record, never retry it.
 *
 * <p>A batch is decided in one transaction, the chain head written once with it: all of it takes
 * effect or none of it does, and {@link EventProjection#committed} is told only after the commit.
 */
public final class ApplyOnce {

  public enum Outcome {
    APPLIED,
    DUPLICATE,
    SKIPPED_UNKNOWN_TYPE
  }

  private record Decision(Outcome outcome, EventEnvelope applied, ChainLink head) {}

  private final HandledEvents handled;
  private final EventProjection projection;
  private final TransactionOperations transactions;
  private final KeyRing keys;
  private final VerifiedChain chain;

  public ApplyOnce(
      HandledEvents handled,
      EventProjection projection,
      TransactionOperations transactions,
      KeyRing keys,
      VerifiedChain chain) {
    this.handled = handled;
    this.projection = projection;
    this.transactions = transactions;
    this.keys = keys;
    this.chain = chain;
  }

  /**
   * For folding in memory, where there is no transaction to take part in; the chain starts before
   * the first event.
   */
  public static ApplyOnce inMemory(
      HandledEvents handled, EventProjection projection, KeyRing keys) {
    return new ApplyOnce(
        handled,
        projection,
        TransactionOperations.withoutTransaction(),
        keys,
        VerifiedChain.inMemory());
  }

  public Outcome accept(byte[] value) {
    return acceptAll(List.of(value)).get(0);
  }

  /** The outcomes of {@code values}, in order, decided in one transaction. */
  public List<Outcome> acceptAll(List<byte[]> values) {
    List<Decision> decisions =
        transactions.execute(
            status -> {
              ChainLink before = chain.head();
              ChainLink head = before;
              List<Decision> decided = new ArrayList<>(values.size());
              for (byte[] value : values) {
                Decision decision = decide(value, head);
                decided.add(decision);
                head = decision.head();
              }
              if (!head.equals(before)) {
                chain.moveTo(head);
              }
              return decided;
            });
    for (Decision decision : decisions) {
      if (decision.applied() != null) {
        projection.committed(decision.applied());
      }
    }
    return decisions.stream().map(Decision::outcome).toList();
  }

  private Decision decide(byte[] value, ChainLink head) {
    JsonNode tree = Seals.readTree(value);
    EventSeal seal = Seals.verify(tree, keys);
    ChainLink.Step step = head.step(seal);
    Optional<EventEnvelope> read = EventJson.read(tree);
    EventMetadata metadata =
        read.map(EventEnvelope::metadata).orElseGet(() -> EventJson.readMetadata(tree));
    boolean first = handled.remember(metadata, read.isEmpty());
    if (step == ChainLink.Step.BEHIND) {
      if (first) {
        throw new SealException(
            SealException.Reason.REPLAYED,
            "event "
                + metadata.eventId()
                + " carries chain sequence "
                + seal.chainSequence()
                + ", already passed at "
                + head.sequence());
      }
      return new Decision(Outcome.DUPLICATE, null, head);
    }
    // the next link: a redelivery of an event handled before the chain was followed stays one
    if (!first) {
      return new Decision(Outcome.DUPLICATE, null, seal.link());
    }
    if (read.isEmpty()) {
      projection.skipped(metadata, new Seals.Sealed(value, seal));
      return new Decision(Outcome.SKIPPED_UNKNOWN_TYPE, null, seal.link());
    }
    String correlationId = metadata.correlationId();
    if (correlationId != null) {
      MDC.put(MetadataKeys.CORRELATION_ID, correlationId);
    }
    try {
      projection.apply(read.get(), new Seals.Sealed(value, seal));
    } finally {
      MDC.remove(MetadataKeys.CORRELATION_ID);
    }
    return new Decision(Outcome.APPLIED, read.get(), seal.link());
  }

  public long position() {
    return handled.position();
  }

  /** The last link of the registry's chain this consumer has followed. */
  public ChainLink chainHead() {
    return chain.head();
  }
}
