package org.forumledger.kit.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>A signature costs about a millisecond to check; a hash a few microseconds. Since each seal's
 * hash covers the hash before it, the signature of the last link of an unbroken run of links whose
 * hashes were checked vouches for the whole run, so a batch checks one signature ({@link #vouch}).
 * A record outside such a run, or a run whose last signature fails, is checked alone.
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

  /**
   * For folding in memory one record at a time: {@code value} decided as {@link #accept}, its
   * signature not checked again when {@code vouched} (from {@link #vouch}) covers it.
   */
  public Outcome accept(byte[] value, Vouched vouched) {
    return decideAll(List.of(value), vouched).get(0);
  }

  /**
   * The records, of those given in chain order, that continue this consumer's chain as one unbroken
   * run of links with checked hashes and whose last link's signature is the registry's: that one
   * signature vouches for all of them. Nothing is applied; a record that is not the next link (a
   * redelivery, bytes that are no event, a gap or a fork) is left out of the run, to be checked
   * alone when it is decided, and the run stops at a gap or a fork.
   */
  public Vouched vouch(List<byte[]> values) {
    return vouch(prepare(values), chain.head());
  }

  /**
   * As {@link #vouch(List)}, of records {@link #prepare prepared} before (perhaps on another
   * thread, while earlier records were decided): the chain's order and the one signature are
   * checked now, against the chain as this consumer has followed it so far.
   */
  public Vouched vouch(Prepared prepared) {
    return vouch(prepared, chain.head());
  }

  /**
   * The records parsed, hashed and read, nothing of the chain checked and no signature: what {@link
   * #vouch} needs of each record and nothing of the records before it, so a replay can prepare one
   * poll's records on another thread while it decides the poll before. Uses no state of this
   * consumer but the keys.
   */
  public Prepared prepare(List<byte[]> values) {
    return new Prepared(values, decodeAll(values));
  }

  /** Records {@link #prepare prepared} for {@link #vouch(Prepared)}. */
  public static final class Prepared {

    private final List<byte[]> values;
    private final List<Decoded> decoded;

    private Prepared(List<byte[]> values, List<Decoded> decoded) {
      this.values = values;
      this.decoded = decoded;
    }

    /** The records' values, in the order given. */
    public List<byte[]> values() {
      return values;
    }
  }

  private Vouched vouch(Prepared prepared, ChainLink head) {
    List<byte[]> values = prepared.values;
    Map<byte[], Checked> run = new IdentityHashMap<>(values.size() * 2);
    Seals.Hashed last = null;
    ChainLink end = head;
    List<Decoded> decoded = prepared.decoded;
    for (int i = 0; i < values.size(); i++) {
      Decoded record = decoded.get(i);
      if (record == null) {
        continue;
      }
      Seals.Hashed hashed = record.hashed();
      if (hashed.seal().chainSequence() <= end.sequence()) {
        continue;
      }
      try {
        end.step(hashed.seal());
      } catch (SealException gapOrFork) {
        break;
      }
      run.put(values.get(i), new Checked(record.tree(), hashed.seal(), record.read()));
      last = hashed;
      end = hashed.seal().link();
    }
    if (last == null) {
      return Vouched.NONE;
    }
    try {
      last.signed();
    } catch (SealException notTheRegistrys) {
      return Vouched.NONE;
    }
    return new Vouched(run);
  }

  /**
   * From this many records on, the records of a batch are parsed, hashed and read on the common
   * fork-join pool as well as the calling thread: these are most of a record's cost (a replay's
   * profile: parsing 19 %, hashing 25 %, reading the event 37 %) and need nothing of the records
   * before it. The chain's order is checked afterwards, one record after the other.
   */
  private static final int DECODED_IN_PARALLEL_FROM = 64;

  /**
   * A record parsed and hashed; {@code read} null when the event could not be read. The tree is
   * kept only where the event was not read (null or empty {@code read}), the one case that needs it
   * again: a replay holds a poll or two of these at a time, and the trees were most of what young
   * collections copied.
   */
  private record Decoded(JsonNode tree, Seals.Hashed hashed, Optional<EventEnvelope> read) {}

  private List<Decoded> decodeAll(List<byte[]> values) {
    return values.size() < DECODED_IN_PARALLEL_FROM
        ? values.stream().map(this::decode).toList()
        : values.parallelStream().map(this::decode).toList();
  }

  /** The record decoded, or null when it is no sealed event (it is then checked alone). */
  private Decoded decode(byte[] value) {
    JsonNode tree;
    Seals.Hashed hashed;
    try {
      tree = Seals.readTree(value);
      hashed = Seals.hashed(tree, keys);
    } catch (RuntimeException notAnEvent) {
      return null;
    }
    Optional<EventEnvelope> read;
    try {
      read = EventJson.read(tree);
    } catch (RuntimeException unreadable) {
      // read again when decided, to fail there as a record read alone does
      read = null;
    }
    return new Decoded(read == null || read.isEmpty() ? tree : null, hashed, read);
  }

  /**
   * A record's parsed value and its seal, hash checked; {@code read} the event read from it (empty
   * for an unknown type), null when it is to be read when decided; {@code tree} null where the
   * event was read.
   */
  private record Checked(JsonNode tree, EventSeal seal, Optional<EventEnvelope> read) {

    Optional<EventEnvelope> event() {
      return read != null ? read : EventJson.read(tree);
    }
  }

  /** Records whose seals one signature vouches for, by the identity of their value's bytes. */
  public static final class Vouched {

    static final Vouched NONE = new Vouched(Map.of());

    private final Map<byte[], Checked> records;

    private Vouched(Map<byte[], Checked> records) {
      this.records = records;
    }

    /** How many records the signature vouches for. */
    public int size() {
      return records.size();
    }

    /** The metadata of those of {@code values} this vouches for, in their order. */
    List<EventMetadata> metadata(List<byte[]> values) {
      if (records.isEmpty()) {
        return List.of();
      }
      List<EventMetadata> metadata = new ArrayList<>(records.size());
      for (byte[] value : values) {
        Checked checked = records.get(value);
        if (checked != null) {
          metadata.add(
              checked.read() != null && checked.read().isPresent()
                  ? checked.read().get().metadata()
                  : EventJson.readMetadata(checked.tree()));
        }
      }
      return metadata;
    }
  }

  /** The outcomes of {@code values}, in order, decided in one transaction. */
  public List<Outcome> acceptAll(List<byte[]> values) {
    return decideAll(values, null);
  }

  private List<Outcome> decideAll(List<byte[]> values, Vouched given) {
    List<Decision> decisions =
        transactions.execute(
            status -> {
              ChainLink before = chain.head();
              Vouched vouched = given != null ? given : vouch(prepare(values), before);
              HandledEvents.Batch batch = handled.batch(() -> vouched.metadata(values));
              ChainLink head = before;
              List<Decision> decided = new ArrayList<>(values.size());
              for (byte[] value : values) {
                Decision decision = decide(value, head, vouched, batch);
                decided.add(decision);
                head = decision.head();
              }
              batch.finish();
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

  private Decision decide(
      byte[] value, ChainLink head, Vouched vouched, HandledEvents.Batch batch) {
    Checked checked = vouched.records.get(value);
    JsonNode tree = checked != null ? checked.tree() : Seals.readTree(value);
    EventSeal seal = checked != null ? checked.seal() : Seals.verify(tree, keys);
    ChainLink.Step step = head.step(seal);
    Optional<EventEnvelope> read = checked != null ? checked.event() : EventJson.read(tree);
    // a tree left out of a checked record is there whenever the event was not read
    EventMetadata metadata =
        read.map(EventEnvelope::metadata).orElseGet(() -> EventJson.readMetadata(tree));
    boolean first = batch.remember(metadata, read.isEmpty());
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
