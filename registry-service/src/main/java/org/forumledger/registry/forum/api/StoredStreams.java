package org.forumledger.registry.forum.api;

import java.util.ArrayList;
import java.util.List;
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
