package org.forumledger.registry.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.forumledger.events.EventJson;
import org.forumledger.events.seal.Seals;
import org.forumledger.events.seal.SignedStatement;
import org.forumledger.registry.publication.RegistryKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues signed checkpoints of the publication chain's head: on request, and on a schedule ({@code
 * ledger.checkpoints.every}) whenever the head has moved since the last one.
 */
@Service
public class Checkpoints {

  private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
  private static final String COLUMNS =
      "id, chain_sequence, head_hash, global_position, issued_at, issued_by, statement, hash,"
          + " key_id, signature";
  private static final RowMapper<Checkpoint> ROW =
      (rs, n) ->
          new Checkpoint(
              rs.getLong("id"),
              rs.getLong("chain_sequence"),
              rs.getString("head_hash"),
              rs.getLong("global_position"),
              rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
              rs.getString("issued_by"),
              rs.getString("statement"),
              rs.getString("hash"),
              rs.getString("key_id"),
              rs.getString("signature"));

  private final PublishedLinks links;
  private final RegistryKeys keys;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  public Checkpoints(PublishedLinks links, RegistryKeys keys, JdbcTemplate jdbc, Clock clock) {
    this.links = links;
    this.keys = keys;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Signs the chain's head as it is now, for {@code issuedBy}, and keeps the checkpoint. */
  @Transactional
  public Checkpoint issue(String issuedBy) {
    PublishedLink head = links.head();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    ObjectNode statement = EventJson.mapper().createObjectNode();
    statement.put("kind", Checkpoint.KIND);
    statement.put("chainSequence", head.chainSequence());
    statement.put("headHash", head.hash());
    statement.put("globalPosition", head.globalPosition());
    statement.put("issuedAt", now.toString());
    statement.put("issuedBy", issuedBy);
    SignedStatement signed = SignedStatement.sign(statement, keys.active());
    String canonical = new String(Seals.canonicalBytes(statement), StandardCharsets.UTF_8);
    long id =
        jdbc.queryForObject(
            "insert into checkpoint (chain_sequence, head_hash, global_position, issued_at,"
                + " issued_by, statement, hash, key_id, signature)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
            Long.class,
            head.chainSequence(),
            head.hash(),
            head.globalPosition(),
            Timestamp.from(now),
            issuedBy,
            canonical,
            signed.hash(),
            signed.keyId(),
            signed.signature());
    return new Checkpoint(
        id,
        head.chainSequence(),
        head.hash(),
        head.globalPosition(),
        now,
        issuedBy,
        canonical,
        signed.hash(),
        signed.keyId(),
        signed.signature());
  }

  public Optional<Checkpoint> latest() {
    return jdbc
        .query("select " + COLUMNS + " from checkpoint order by id desc limit 1", ROW)
        .stream()
        .findFirst();
  }

  /** The most recent first. */
  public List<Checkpoint> recent(int limit) {
    return jdbc.query(
        "select " + COLUMNS + " from checkpoint order by id desc limit ?", ROW, limit);
  }

  @Scheduled(
      initialDelayString = "${ledger.checkpoints.every:PT15M}",
      fixedDelayString = "${ledger.checkpoints.every:PT15M}")
  void issueWhenTheHeadMoved() {
    long head = links.head().chainSequence();
    long last = latest().map(Checkpoint::chainSequence).orElse(-1L);
    if (head > 0 && head != last) {
      Checkpoint issued = issue("registry");
      log.info(
          "Checkpoint {} signed: chain sequence {}, head {}",
          issued.id(),
          issued.chainSequence(),
          issued.headHash());
    }
  }
}
