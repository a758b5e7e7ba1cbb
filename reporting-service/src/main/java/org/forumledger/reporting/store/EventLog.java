package org.forumledger.reporting.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumEventType;
import org.forumledger.events.LedgerEvent;
import org.forumledger.kit.consumer.NewEventsBatch;
import org.forumledger.reporting.history.TimeSlice;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The consumer's bookkeeping and the append-only log of every applied event. The log is what time
 * travel folds; the applied-event table is the dedupe key that makes redelivery harmless.
 */
@Repository
public class EventLog {

  private static final ObjectMapper JSON = EventJson.mapper();
  private static final ClassValue<ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return JSON.readerFor(type);
        }
      };
  private static final String COLUMNS =
      "event_id, forum_id, sequence_number, global_position, event_type, event_version, payload::text,"
          + " recorded_at, effective_date, actor, reason, decision_reference, correlation_id";

  private static final int STREAM_FETCH_SIZE = 5000;

  private final JdbcTemplate jdbc;

  public EventLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Remembers the event id; false when it was already handled (a redelivery, also one within the
   * same transaction). The position moves in {@link #advance} or {@link #advanceAndRevise}, once
   * per transaction.
   */
  public boolean markHandled(String eventId, long globalPosition, String forumId, Instant at) {
    return jdbc.update(
            "insert into applied_event (event_id, global_position, forum_id, applied_at)"
                + " values (?, ?, ?, ?) on conflict (event_id) do nothing",
            eventId,
            globalPosition,
            forumId,
            timestamp(at))
        == 1;
  }

  /**
   * A batch's remembering (see {@link NewEventsBatch}): {@code expected} looked up in one query,
   * the new events written by {@link #markAllHandled} when it finishes.
   */
  public NewEventsBatch batch(List<EventMetadata> expected, Instant at) {
    return new NewEventsBatch(jdbc, expected) {
      @Override
      protected int insert(List<New> events) {
        return markAllHandled(events.stream().map(New::metadata).toList(), at);
      }
    };
  }

  /**
   * Remembers the events' ids in one statement; returns how many were new. Fewer than given means
   * some were handled meanwhile by another consumer (the statement waits for that one's commit).
   * The position moves as with {@link #markHandled}.
   */
  public int markAllHandled(List<EventMetadata> events, Instant at) {
    int n = events.size();
    Object[] ids = new Object[n];
    Object[] positions = new Object[n];
    Object[] forums = new Object[n];
    for (int k = 0; k < n; k++) {
      EventMetadata m = events.get(k);
      ids[k] = m.eventId();
      positions[k] = m.globalPosition();
      forums[k] = m.forumId();
    }
    Integer inserted =
        jdbc.execute(
            (ConnectionCallback<Integer>)
                connection -> {
                  try (PreparedStatement insert =
                      connection.prepareStatement(
                          "insert into applied_event (event_id, global_position, forum_id,"
                              + " applied_at) select u.*, ?::timestamptz"
                              + " from unnest(?::text[], ?::bigint[], ?::text[]) as u"
                              + " on conflict (event_id) do nothing")) {
                    insert.setTimestamp(1, timestamp(at));
                    insert.setArray(2, connection.createArrayOf("text", ids));
                    insert.setArray(3, connection.createArrayOf("int8", positions));
                    insert.setArray(4, connection.createArrayOf("text", forums));
                    return insert.executeUpdate();
                  }
                });
    return Objects.requireNonNull(inserted);
  }

  /** Moves the position to at least {@code globalPosition}, the read model unchanged. */
  public void advance(long globalPosition) {
    jdbc.update(
        "update applied_position set global_position = greatest(global_position, ?) where id = 1",
        globalPosition);
  }

  /**
   * Moves the position and takes the next revision of the read model. Call it holding the audit
   * chain's lock, so that revisions are taken in the order their transactions commit.
   */
  public long advanceAndRevise(long globalPosition) {
    Long revision =
        jdbc.queryForObject(
            "update applied_position set global_position = greatest(global_position, ?),"
                + " revision = nextval('read_model_revision') where id = 1 returning revision",
            Long.class,
            globalPosition);
    return Objects.requireNonNull(revision);
  }

  /** The position and the revision of the read model, read together. */
  public ReadModelMark mark() {
    return jdbc.queryForObject(
        "select global_position, revision from applied_position where id = 1",
        (rs, n) -> new ReadModelMark(rs.getLong(1), rs.getLong(2)));
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

  /** Appends the events a transaction applied, in one batch, at the transaction's revision. */
  public void appendAll(List<LoggedEvent> events, long revision) {
    jdbc.batchUpdate(
        "insert into event_log (event_id, forum_id, sequence_number, global_position, event_type,"
            + " event_version, payload, recorded_at, effective_date, actor, reason,"
            + " decision_reference, correlation_id, valid_from, revision)"
            + " values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)",
        events.stream()
            .map(
                e -> {
                  EventMetadata m = e.envelope().metadata();
                  return new Object[] {
                    m.eventId(),
                    m.forumId(),
                    m.sequenceNumber(),
                    m.globalPosition(),
                    m.eventType(),
                    m.eventVersion(),
                    e.payloadJson(),
                    timestamp(m.recordedAt()),
                    m.effectiveDate(),
                    m.actor(),
                    m.reason(),
                    m.decisionReference(),
                    m.correlationId(),
                    e.validFrom(),
                    revision
                  };
                })
            .toList());
  }

  /**
   * Streams the events in {@code slice} in global-position order, filtered in SQL by recorded time
   * and valid-from date, so a slice never holds the whole log in memory.
   */
  public void forEachIn(TimeSlice slice, Consumer<LoggedEvent> action) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + ", valid_from from event_log");
    List<Object> args = new ArrayList<>();
    where(sql, args, slice);
    sql.append(" order by global_position, event_id");
    stream(sql.toString(), args, action);
  }

  /**
   * Streams the events of the given types in {@code slice}, in global-position order, filtered in
   * SQL like {@link #forEachIn}: what a fold of a few kinds of fact reads, not the whole log.
   */
  public void forEachOfTypes(
      TimeSlice slice, Collection<String> eventTypes, Consumer<LoggedEvent> action) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + ", valid_from from event_log");
    List<Object> args = new ArrayList<>();
    where(sql, args, slice);
    sql.append(" and event_type = any (?)");
    args.add(eventTypes.toArray(String[]::new));
    sql.append(" order by global_position, event_id");
    stream(sql.toString(), args, action);
  }

  /**
   * The events logged at revisions above {@code revision} and recorded by the slice's {@code
   * knownAt}, whatever their valid time, in global-position order.
   */
  public void forEachRevisedSince(long revision, Instant knownAt, Consumer<LoggedEvent> action) {
    StringBuilder sql =
        new StringBuilder("select " + COLUMNS + ", valid_from from event_log where revision > ?");
    List<Object> args = new ArrayList<>(List.of(revision));
    if (knownAt != null) {
      sql.append(" and recorded_at <= ?");
      args.add(timestamp(knownAt));
    }
    sql.append(" order by global_position, event_id");
    stream(sql.toString(), args, action);
  }

  private static void where(StringBuilder sql, List<Object> args, TimeSlice slice) {
    sql.append(" where true");
    if (slice.knownAt() != null) {
      sql.append(" and recorded_at <= ?");
      args.add(timestamp(slice.knownAt()));
    }
    if (slice.asOf() != null) {
      sql.append(" and (valid_from is null or valid_from <= ?)");
      args.add(slice.asOf());
    }
  }

  private void stream(String sql, List<Object> args, Consumer<LoggedEvent> action) {
    jdbc.query(
        connection -> {
          PreparedStatement statement =
              connection.prepareStatement(
                  sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
          // a cursor rather than the whole result in memory (PostgreSQL needs a transaction)
          statement.setFetchSize(STREAM_FETCH_SIZE);
          for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof String[] values) {
              statement.setArray(i + 1, connection.createArrayOf("text", values));
            } else {
              statement.setObject(i + 1, args.get(i));
            }
          }
          return statement;
        },
        (RowCallbackHandler)
            rs ->
                action.accept(
                    new LoggedEvent(
                        ROW.mapRow(rs, 0),
                        null,
                        rs.getObject("valid_from", LocalDate.class),
                        null)));
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

  public static String json(Object value) {
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
        ForumEventType eventType =
            ForumEventType.find(type, version)
                .orElseThrow(() -> new IllegalStateException("Unknown stored type " + type));
        String payload = rs.getString("payload");
        try {
          // an older version kept as it arrived reads as the live view read it: upgraded
          LedgerEvent event =
              version == eventType.version()
                  ? READERS.get(eventType.eventClass()).readValue(payload)
                  : EventJson.payload(eventType, version, JSON.readTree(payload));
          return new EventEnvelope(metadata, event);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("Unreadable stored event " + metadata.eventId(), e);
        }
      };
}
