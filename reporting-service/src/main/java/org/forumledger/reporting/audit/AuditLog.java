package org.forumledger.reporting.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.EventMetadata;
import org.forumledger.reporting.store.LoggedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The append-only, hash-chained audit history. Appends run in the consumer's transaction under a
 * transaction-scoped advisory lock, so the chain has one head even with concurrent consumers; the
 * table's trigger rejects UPDATE and DELETE.
 */
@Repository
public class AuditLog {

  private static final long CHAIN_LOCK = 0x666f72756d4cL;
  private static final String COLUMNS =
      "seq, event_id, forum_id, event_type, event_version, global_position, recorded_at,"
          + " effective_date, actor, reason, decision_reference, correlation_id, payload,"
          + " prev_hash, hash";

  private final JdbcTemplate jdbc;

  public AuditLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes the chain's transaction-scoped lock and reads its head. Until the transaction ends no
   * other writer appends, so the head stays the one read; must run inside the transaction that
   * applies the events.
   */
  public String lockHead() {
    jdbc.queryForList("select pg_advisory_xact_lock(?)", CHAIN_LOCK);
    List<String> head =
        jdbc.queryForList("select hash from audit_entry order by seq desc limit 1", String.class);
    return head.isEmpty() ? AuditCanonical.GENESIS : head.get(0);
  }

  /**
   * Appends one entry per event, in order, in one batch after {@code head} (from {@link #lockHead},
   * in the same transaction); returns the new head.
   */
  public String appendAll(String head, List<LoggedEvent> events) {
    List<Object[]> rows = new ArrayList<>(events.size());
    String prevHash = head;
    for (LoggedEvent event : events) {
      EventMetadata m = event.envelope().metadata();
      AuditEntry entry =
          new AuditEntry(
              0,
              m.eventId(),
              m.forumId(),
              m.eventType(),
              m.eventVersion(),
              m.globalPosition(),
              m.recordedAt(),
              m.effectiveDate(),
              m.actor(),
              m.reason(),
              m.decisionReference(),
              m.correlationId(),
              event.payloadJson(),
              prevHash,
              null);
      String hash = AuditCanonical.hash(entry, prevHash);
      rows.add(
          new Object[] {
            entry.eventId(),
            entry.forumId(),
            entry.eventType(),
            entry.eventVersion(),
            entry.globalPosition(),
            Timestamp.from(entry.recordedAt()),
            entry.effectiveDate(),
            entry.actor(),
            entry.reason(),
            entry.decisionReference(),
            entry.correlationId(),
            entry.payload(),
            prevHash,
            hash
          });
      prevHash = hash;
    }
    jdbc.batchUpdate(
        "insert into audit_entry (event_id, forum_id, event_type, event_version, global_position,"
            + " recorded_at, effective_date, actor, reason, decision_reference, correlation_id,"
            + " payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return prevHash;
  }

  public List<AuditEntry> find(AuditQuery query) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_entry where true");
    List<Object> args = new ArrayList<>();
    if (query.forumId() != null) {
      sql.append(" and forum_id = ?");
      args.add(query.forumId());
    }
    if (query.actor() != null) {
      sql.append(" and actor = ?");
      args.add(query.actor());
    }
    if (query.from() != null) {
      sql.append(" and recorded_at >= ?");
      args.add(Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      sql.append(" and recorded_at <= ?");
      args.add(Timestamp.from(query.to()));
    }
    sql.append(" order by seq limit ?");
    args.add(query.limit());
    return jdbc.query(sql.toString(), ROW, args.toArray());
  }

  /** Walks the whole chain in order and recomputes every hash. */
  public AuditVerification verify() {
    Walk walk = new Walk();
    jdbc.query("select " + COLUMNS + " from audit_entry order by seq", walk);
    return new AuditVerification(walk.broken == null, walk.count, walk.head, walk.broken);
  }

  private static final class Walk implements RowCallbackHandler {
    long count;
    String head = AuditCanonical.GENESIS;
    AuditVerification.BrokenEntry broken;

    @Override
    public void processRow(ResultSet rs) throws SQLException {
      AuditEntry entry = ROW.mapRow(rs, (int) count);
      count++;
      if (broken != null) {
        return;
      }
      if (!entry.prevHash().equals(head)) {
        broken =
            new AuditVerification.BrokenEntry(
                entry.seq(),
                entry.eventId(),
                "prev_hash does not match the preceding entry's hash");
      } else if (!AuditCanonical.hash(entry, entry.prevHash()).equals(entry.hash())) {
        broken =
            new AuditVerification.BrokenEntry(
                entry.seq(), entry.eventId(), "content does not match its hash");
      }
      head = entry.hash();
    }
  }

  private static final RowMapper<AuditEntry> ROW =
      (rs, n) ->
          new AuditEntry(
              rs.getLong("seq"),
              rs.getString("event_id"),
              rs.getString("forum_id"),
              rs.getString("event_type"),
              rs.getInt("event_version"),
              rs.getLong("global_position"),
              instant(rs),
              rs.getObject("effective_date", LocalDate.class),
              rs.getString("actor"),
              rs.getString("reason"),
              rs.getString("decision_reference"),
              rs.getString("correlation_id"),
              rs.getString("payload"),
              rs.getString("prev_hash"),
              rs.getString("hash"));

  private static Instant instant(ResultSet rs) throws SQLException {
    OffsetDateTime value = rs.getObject("recorded_at", OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
