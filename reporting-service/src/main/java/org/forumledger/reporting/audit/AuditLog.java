package org.forumledger.reporting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.EventSeal;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.events.seal.SealException;
import org.forumledger.events.seal.Seals;
import org.forumledger.reporting.history.Envelopes;
import org.forumledger.reporting.store.EventLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained audit history. Appends run in the consumer's transaction under a
 * transaction-scoped advisory lock, so the chain has one head even with concurrent consumers; the
 * table's trigger rejects UPDATE and DELETE.
 */
@Repository
public class AuditLog {

  private static final long CHAIN_LOCK = 0x666f72756d4cL;
  private static final int EXPORT_FETCH_SIZE = 1_000;
  private static final String COLUMNS =
      "seq, event_id, forum_id, event_type, event_version, global_position, recorded_at,"
          + " effective_date, actor, reason, decision_reference, correlation_id, payload,"
          + " prev_hash, hash, chain_sequence, registry_hash, key_id, signature, sealed_value";

  private static final String STATUS_CHANGED =
      org.forumledger.events.ForumEventType.FORUM_STATUS_CHANGED.logicalName();

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
  public String appendAll(String head, List<AuditedEvent> events) {
    List<Object[]> rows = new ArrayList<>(events.size());
    String prevHash = head;
    for (AuditedEvent event : events) {
      AuditEntry entry = unhashed(event.metadata(), event.payloadJson(), prevHash);
      String hash = AuditCanonical.hash(entry, prevHash);
      EventSeal seal = event.sealed() == null ? null : event.sealed().seal();
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
            hash,
            seal == null ? null : seal.chainSequence(),
            seal == null ? null : seal.hash(),
            seal == null ? null : seal.keyId(),
            seal == null ? null : seal.signature(),
            seal == null ? null : new String(event.sealed().value(), StandardCharsets.UTF_8)
          });
      prevHash = hash;
    }
    jdbc.batchUpdate(
        "insert into audit_entry (event_id, forum_id, event_type, event_version, global_position,"
            + " recorded_at, effective_date, actor, reason, decision_reference, correlation_id,"
            + " payload, prev_hash, hash, chain_sequence, registry_hash, key_id, signature,"
            + " sealed_value) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return prevHash;
  }

  /** The entry an event makes, before its hash is computed. */
  private static AuditEntry unhashed(EventMetadata m, String payloadJson, String prevHash) {
    return new AuditEntry(
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
        payloadJson,
        prevHash,
        null,
        null);
  }

  /** Some of the records as the registry sealed them, and the chain sequence of the last. */
  public record ExportPage(List<String> lines, long lastSequence) {}

  /**
   * The records as the registry sealed them, exactly as received, in chain order: at most {@code
   * size} of them after chain sequence {@code after}, up to {@code to} (inclusive; null for the
   * end). What an auditor takes away to check with the registry's public key alone.
   */
  public ExportPage export(long after, Long to, int size) {
    List<String> lines = new ArrayList<>(size);
    long[] last = {after};
    jdbc.query(
        "select chain_sequence, sealed_value from audit_entry where chain_sequence > ?"
            + " and chain_sequence <= ? order by chain_sequence limit ?",
        (RowCallbackHandler)
            rs -> {
              last[0] = rs.getLong(1);
              lines.add(rs.getString(2));
            },
        after,
        to == null ? Long.MAX_VALUE : to,
        size);
    return new ExportPage(lines, last[0]);
  }

  /**
   * The entries after chain sequence {@code after} whose facts are valid on or before {@code
   * until}: what may change a year closed at that link, in chain order.
   */
  public List<AuditEntry> changedAfter(long after, LocalDate until) {
    return jdbc.query(
        "select "
            + COLUMNS.replaceAll("(\\w+)", "a.$1")
            + " from audit_entry a join event_log e on e.event_id = a.event_id"
            + " where a.chain_sequence > ? and (e.valid_from is null or e.valid_from <= ?)"
            + " order by a.chain_sequence",
        ROW,
        after,
        until);
  }

  /**
   * Every status change recorded by {@code knownAt} (all, when null), in chain order: what the
   * changes between two dates need to find a forum that was ended and reopened, with the reason and
   * the decision of each step.
   */
  public List<AuditEntry> statusChanges(Instant knownAt) {
    return knownAt == null
        ? jdbc.query(
            "select " + COLUMNS + " from audit_entry where event_type = ? order by seq",
            ROW,
            STATUS_CHANGED)
        : jdbc.query(
            "select "
                + COLUMNS
                + " from audit_entry where event_type = ? and recorded_at <= ? order by seq",
            ROW,
            STATUS_CHANGED,
            Timestamp.from(knownAt));
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

  /**
   * Walks the whole history in order. Every entry's own hash is recomputed and must chain to its
   * predecessor's. An entry with the registry's seal must also carry a seal that verifies with one
   * of {@code registryKeys}, continue the registry's chain from the entry before, and hold exactly
   * what the registry signed: its hash recomputed from the sealed record must be its own. So a row
   * rewritten together with every hash after it is still found, and so is a record the registry
   * never signed. Once the registry's seals begin, every later entry must carry one.
   */
  @Transactional(readOnly = true)
  public AuditVerification verify(KeyRing registryKeys) {
    Walk walk = new Walk(registryKeys);
    jdbc.query(
        connection -> {
          PreparedStatement statement =
              connection.prepareStatement(
                  "select " + COLUMNS + " from audit_entry order by seq",
                  ResultSet.TYPE_FORWARD_ONLY,
                  ResultSet.CONCUR_READ_ONLY);
          statement.setFetchSize(EXPORT_FETCH_SIZE);
          return statement;
        },
        walk);
    return new AuditVerification(
        walk.broken == null,
        walk.count,
        walk.head,
        walk.sealed,
        walk.registry == null ? null : new AuditVerification.RegistryHead(walk.registry),
        null,
        walk.broken);
  }

  /**
   * The registry's hash at {@code chainSequence} as the history keeps it; empty when not reached.
   */
  public Optional<String> registryHashAt(long chainSequence) {
    return jdbc
        .queryForList(
            "select registry_hash from audit_entry where chain_sequence = ?",
            String.class,
            chainSequence)
        .stream()
        .findFirst();
  }

  private static final class Walk implements RowCallbackHandler {
    private final KeyRing registryKeys;
    long count;
    long sealed;
    String head = AuditCanonical.GENESIS;
    ChainLink registry;
    AuditVerification.BrokenEntry broken;

    Walk(KeyRing registryKeys) {
      this.registryKeys = registryKeys;
    }

    @Override
    public void processRow(ResultSet rs) throws SQLException {
      AuditEntry entry = ROW.mapRow(rs, (int) count);
      count++;
      if (broken != null) {
        return;
      }
      String problem = problemOf(entry);
      if (problem != null) {
        broken = new AuditVerification.BrokenEntry(entry.seq(), entry.eventId(), problem);
      }
      head = entry.hash();
    }

    private String problemOf(AuditEntry entry) {
      if (!entry.prevHash().equals(head)) {
        return "prev_hash does not match the preceding entry's hash";
      }
      if (!AuditCanonical.hash(entry, entry.prevHash()).equals(entry.hash())) {
        return "content does not match its hash";
      }
      AuditEntry.RegistrySeal kept = entry.registrySeal();
      if (kept == null) {
        return registry == null ? null : "carries no registry seal, yet an earlier entry does";
      }
      try {
        byte[] value = kept.sealedValue().getBytes(StandardCharsets.UTF_8);
        JsonNode tree = Seals.readTree(value);
        EventSeal seal = Seals.verify(tree, registryKeys);
        if (seal.chainSequence() != kept.chainSequence()
            || !seal.hash().equals(kept.hash())
            || !seal.keyId().equals(kept.keyId())
            || !seal.signature().equals(kept.signature())) {
          return "its seal columns differ from the record the registry sealed";
        }
        ChainLink before = registry == null ? ChainLink.START : registry;
        if (before.step(seal) == ChainLink.Step.BEHIND) {
          return "chain sequence "
              + seal.chainSequence()
              + " again, after "
              + before.sequence()
              + ": the registry sealed it for another entry";
        }
        AuditedEvent signed =
            EventJson.read(tree)
                .map(Envelopes::normalised)
                .map(e -> new AuditedEvent(e.metadata(), EventLog.json(e.payload()), null))
                .orElseGet(() -> AuditedEvent.ofUnknownType(tree));
        String signedHash =
            AuditCanonical.hash(
                unhashed(signed.metadata(), signed.payloadJson(), entry.prevHash()),
                entry.prevHash());
        if (!signedHash.equals(entry.hash())) {
          return "content differs from what the registry signed";
        }
        registry = seal.link();
        sealed++;
        return null;
      } catch (SealException e) {
        return "registry seal: " + e.getMessage();
      } catch (RuntimeException e) {
        return "the sealed record cannot be read: " + e.getMessage();
      }
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
              rs.getString("hash"),
              rs.getString("sealed_value") == null
                  ? null
                  : new AuditEntry.RegistrySeal(
                      rs.getLong("chain_sequence"),
                      rs.getString("registry_hash"),
                      rs.getString("key_id"),
                      rs.getString("signature"),
                      rs.getString("sealed_value")));

  private static Instant instant(ResultSet rs) throws SQLException {
    OffsetDateTime value = rs.getObject("recorded_at", OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
