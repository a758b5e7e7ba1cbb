package org.forumledger.registry.publication;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.EventSeal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The seals of published events ({@code publication_seal}): read in the publisher's transaction,
 * the one that moves its token, and written in one of their own before the records are sent.
 */
@Component
public class PublicationChain {

  private static final RowMapper<EventSeal> SEAL =
      (rs, n) ->
          new EventSeal(
              rs.getLong("chain_sequence"),
              rs.getString("previous_hash"),
              rs.getString("hash"),
              rs.getString("key_id"),
              rs.getString("signature"));

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public PublicationChain(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public ChainLink head() {
    return jdbc
        .query(
            "select chain_sequence, hash from publication_seal"
                + " order by chain_sequence desc limit 1",
            (rs, n) -> new ChainLink(rs.getLong(1), rs.getString(2)))
        .stream()
        .findFirst()
        .orElse(ChainLink.START);
  }

  /**
   * The seals these events were given when they were first published, with the position each went
   * out at, by event id: one query for a whole batch of the publisher (an event never sealed has
   * none).
   */
  public Map<String, Sealing> sealingsOf(List<String> eventIds) {
    Map<String, Sealing> sealings = new HashMap<>();
    if (eventIds.isEmpty()) {
      return sealings;
    }
    jdbc.query(
        connection -> {
          PreparedStatement select =
              connection.prepareStatement(
                  "select event_id, chain_sequence, previous_hash, hash, key_id, signature,"
                      + " global_index from publication_seal where event_id = any(?)");
          select.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
          return select;
        },
        rs -> {
          String eventId = rs.getString("event_id");
          sealings.put(
              eventId, new Sealing(eventId, rs.getLong("global_index"), SEAL.mapRow(rs, 0)));
        });
    return sealings;
  }

  /**
   * Lets the publisher's transaction, the one that moves its token past the records Kafka has just
   * acknowledged, commit without waiting for PostgreSQL to write it to disk ({@code
   * synchronous_commit} off for this transaction only). It is still atomic, and the write-ahead log
   * keeps commits in order, so the next batch's seals, committed and flushed before their records
   * are sent, flush this one too. Only a crash of the database or the machine within a fraction of
   * a second can lose it, and that only puts the token back to where it was: the events after it
   * are read again and published with the seals they already have, byte for byte the records
   * already on the topic, which consumers drop as duplicates. The seals' own transaction keeps
   * waiting for the disk: forgetting a seal would fork the chain.
   */
  public void tokenNeedNotWaitForDisk() {
    jdbc.execute("set local synchronous_commit = off");
  }

  /**
   * A seal given to an event, with the event's id and the global position its record carries: the
   * processor's position when the event was first published, which for an event that filled a gap
   * is above the event's own index.
   */
  public record Sealing(String eventId, long globalIndex, EventSeal seal) {}

  public void record(List<Sealing> sealings) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.batchUpdate(
        "insert into publication_seal (chain_sequence, event_id, global_index, hash,"
            + " previous_hash, key_id, signature, sealed_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        sealings,
        500,
        (ps, s) -> {
          ps.setLong(1, s.seal().chainSequence());
          ps.setString(2, s.eventId());
          ps.setLong(3, s.globalIndex());
          ps.setString(4, s.seal().hash());
          ps.setString(5, s.seal().previousHash());
          ps.setString(6, s.seal().keyId());
          ps.setString(7, s.seal().signature());
          ps.setTimestamp(8, now);
        });
  }
}
