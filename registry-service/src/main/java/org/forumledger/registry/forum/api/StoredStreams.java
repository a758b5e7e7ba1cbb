package org.forumledger.registry.forum.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.GoalEvent;
import org.forumledger.events.ReviewEvent;
import org.forumledger.events.UnitEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the streams of the store that are not forums: units, goals, reviews, rates. */
@Component
public class StoredStreams {

  private final EventStore eventStore;
  private final JdbcTemplate jdbc;

  public StoredStreams(EventStore eventStore, JdbcTemplate jdbc) {
    this.eventStore = eventStore;
    this.jdbc = jdbc;
  }

  /** The stream's messages in order; empty when it has none. */
  public List<DomainEventMessage<?>> read(String streamId) {
    List<DomainEventMessage<?>> messages = new ArrayList<>();
    DomainEventStream stream = eventStore.readEvents(streamId, 0);
    while (stream.hasNext()) {
      messages.add(stream.next());
    }
    return messages;
  }

  /**
   * What a stream's events fold to, with the sequence number and time of the last event that
   * changed it; empty while none did. {@code step} gives the state after an event, or null when the
   * event does not concern it.
   */
  public <S> Optional<Versioned<S>> fold(String streamId, BiFunction<S, Object, S> step) {
    Versioned<S> folded = null;
    for (DomainEventMessage<?> message : read(streamId)) {
      S next = step.apply(folded == null ? null : folded.state(), message.getPayload());
      if (next != null) {
        folded = new Versioned<>(next, message.getSequenceNumber(), message.getTimestamp());
      }
    }
    return Optional.ofNullable(folded);
  }

  /**
   * A stream's state with the version (its last event's sequence number) and when it was recorded.
   */
  public record Versioned<S>(S state, long version, Instant recordedAt) {}

  /** What every stream whose id begins with {@code prefix} reads as, in id order. */
  public <V> List<V> readAll(String prefix, Function<String, Optional<V>> reader) {
    return streamIds(prefix).stream().map(reader).flatMap(Optional::stream).toList();
  }

  /** The ids of every stream whose id begins with {@code prefix}, in order. */
  public List<String> streamIds(String prefix) {
    return jdbc.queryForList(
        "select distinct aggregate_identifier from domain_event_entry"
            + " where aggregate_identifier like ? order by aggregate_identifier",
        String.class,
        prefix.replace("_", "\\\\_") + "%");
  }

  /** A stream no forum command may load: another kind of stream of the same store. */
  static boolean notAForum(String streamId) {
    return streamId.startsWith(CostRatesRecorded.STREAM_PREFIX)
        || streamId.startsWith(UnitEvent.STREAM_PREFIX)
        || streamId.startsWith(GoalEvent.STREAM_PREFIX)
        || streamId.startsWith(ReviewEvent.STREAM_PREFIX);
  }
}
