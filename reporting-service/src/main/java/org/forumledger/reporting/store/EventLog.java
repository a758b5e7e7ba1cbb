package org.forumledger.reporting.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumEventType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The consumer's bookkeeping and the append-only log of every applied event. The log is what time
 * travel folds; the applied-event table is the dedupe key that makes redelivery harmless.
 */
@Repository
public class EventLog {

  private static final ObjectMapper JSON = EventJson.mapper();
  private static final String COLUMNS =
      "event_id, forum_id, sequence_number, global_position, event_type, event_version, payload::text,"
          + " recorded_at, effective_date, actor, reason, decision_reference, correlation_id";

  private final JdbcTemplate jdbc;

  public EventLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Remembers the event id; false when it was already handled (a redelivery). */
  public boolean markHandled(String eventId, long globalPosition, String forumId, Instant at) {
    int inserted =
        jdbc.update(
            "insert into applied_event (event_id, global_position, forum_id, applied_at)"
                + " values (?, ?, ?, ?) on conflict (event_id) do nothing",
            eventId,
            globalPosition,
            forumId,
            timestamp(at));
    if (inserted == 1) {
      jdbc.update(
          "update applied_position set global_position = greatest(global_position, ?) where id = 1",
          globalPosition);
    }
    return inserted == 1;
  }

  public boolean isHandled(String eventId) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from applied_event where event_id = ?", Integer.class, eventId);
    return count != null && count > 0;
  }

  public long position() {
    Long position =
        jdbc.queryForObject(
            "select global_position from applied_position where id = 1", Long.class);
    return position == null ? -1 : position;
  }

  /** The highest position among the events the ledger had recorded by {@code knownAt}. */
  public long positionKnownAt(Instant knownAt) {
    Long position =
        jdbc.queryForObject(
            "select coalesce(max(global_position), 0) from event_log where recorded_at <= ?",
            Long.class,
            timestamp(knownAt));
    return position == null ? -1 : position;
  }

  public void append(EventEnvelope envelope) {
    EventMetadata m = envelope.metadata();
    jdbc.update(
        "insert into event_log (event_id, forum_id, sequence_number, global_position, event_type,"
            + " event_version, payload, recorded_at, effective_date, actor, reason,"
            + " decision_reference, correlation_id) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)",
        m.eventId(),
        m.forumId(),
        m.sequenceNumber(),
        m.globalPosition(),
        m.eventType(),
        m.eventVersion(),
        json(envelope.payload()),
        timestamp(m.recordedAt()),
        m.effectiveDate(),
        m.actor(),
        m.reason(),
        m.decisionReference(),
        m.correlationId());
  }

  public List<EventEnvelope> all() {
    return jdbc.query(
        "select " + COLUMNS + " from event_log order by global_position, event_id", ROW);
  }

  public List<EventEnvelope> upTo(long position) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from event_log where global_position <= ?"
            + " order by global_position, event_id",
        ROW,
        position);
  }

  public List<EventEnvelope> ofForum(String forumId) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from event_log where forum_id = ? order by global_position, event_id",
        ROW,
        forumId);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }

  static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static final RowMapper<EventEnvelope> ROW =
      (rs, n) -> {
        String type = rs.getString("event_type");
        int version = rs.getInt("event_version");
        EventMetadata metadata =
            new EventMetadata(
                rs.getString("event_id"),
                type,
                version,
                rs.getString("forum_id"),
                rs.getLong("sequence_number"),
                rs.getLong("global_position"),
                instant(rs, "recorded_at"),
                rs.getObject("effective_date", LocalDate.class),
                rs.getString("actor"),
                rs.getString("reason"),
                rs.getString("decision_reference"),
                rs.getString("correlation_id"));
        Class<? extends ForumEvent> eventClass =
            ForumEventType.find(type, version)
                .orElseThrow(() -> new IllegalStateException("Unknown stored type " + type))
                .eventClass();
        try {
          return new EventEnvelope(metadata, JSON.readValue(rs.getString("payload"), eventClass));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("Unreadable stored event " + metadata.eventId(), e);
        }
      };
}
