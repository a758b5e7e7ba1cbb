package org.forumledger.cost.readmodel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.kit.consumer.VerifiedChain;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Replacement and fingerprint of the whole read model. */
@Repository
public class ReadModelAdmin {

  /**
   * Every read-model row in a canonical order, processing time ({@code applied_at}) left out: two
   * replays of the same events give the same text, byte for byte.
   */
  private static final List<String> CANONICAL_QUERIES =
      List.of(
          "select concat_ws('|', event_id, global_position, forum_id, event_type, event_version,"
              + " recorded_at, effective_date, decision_reference, actor, reason, skipped)"
              + " from applied_event order by event_id collate \"C\"",
          "select f::text from forum f order by forum_id collate \"C\"",
          "select s::text from forum_status_change s order by forum_id collate \"C\", effective_from",
          "select a::text from annual_fee a order by forum_id collate \"C\", from_year",
          "select o::text from other_cost o order by forum_id collate \"C\", year",
          "select l::text from other_cost_line l order by forum_id collate \"C\", year, line_no",
          "select p::text from participation p"
              + " order by forum_id collate \"C\", participation_id collate \"C\"",
          "select r::text from cost_rates r order by year",
          "select v::text from review v order by review_id collate \"C\"",
          "select d::text from review_decision d order by review_id collate \"C\","
              + " forum_id collate \"C\", body collate \"C\"",
          "select u::text from unit_fact u order by fact_key collate \"C\"");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final KeyRing registryKeys;
  private final VerifiedChain chain;

  public ReadModelAdmin(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      Clock clock,
      KeyRing registryKeys,
      VerifiedChain chain) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
    this.registryKeys = registryKeys;
    this.chain = chain;
  }

  /**
   * Replaces the whole read model, in one transaction, by what {@code replay} feeds into a fresh
   * {@link ReadModelFold}: the old rows are deleted (not truncated, so readers keep answering from
   * the old model without waiting until the commit), the applied events are copied in as the fold
   * completes them, the fact tables and the state row at the end. Nothing changes if it fails.
   */
  public <R> Replaced<R> replaceAll(Function<ReadModelFold, R> replay) {
    return tx.execute(
        status -> {
          jdbc.execute(
              "delete from unit_fact; delete from review_decision; delete from review;"
                  + " delete from participation; delete from cost_rates;"
                  + " delete from other_cost_line; delete from other_cost; delete from annual_fee;"
                  + " delete from forum_status_change; delete from forum; delete from applied_event");
          CopyManager copies =
              jdbc.execute(
                  (ConnectionCallback<CopyManager>)
                      connection -> connection.unwrap(PGConnection.class).getCopyAPI());
          ReadModelFold.TableCopies tables =
              (table, columns) -> CopyText.into(copies, table, columns);
          ReadModelFold fold;
          R replayed;
          long events;
          try (CopyText applied =
              tables.open("applied_event", ReadModelFold.AppliedEventRow.COLUMNS)) {
            fold = new ReadModelFold(clock, registryKeys, row -> row.copyTo(applied));
            replayed = replay.apply(fold);
            events = applied.finish();
          }
          fold.writeFacts(tables);
          jdbc.update(
              "update read_model_state set position = ?, version = version + 1", fold.position());
          chain.moveTo(fold.chainHead());
          return new Replaced<>(replayed, fold.position(), events);
        });
  }

  /** What a replacement replayed, the position it reached and the applied events it wrote. */
  public record Replaced<R>(R replayed, long position, long appliedEvents) {}

  public Fingerprint fingerprint() {
    return tx.execute(
        status -> {
          jdbc.execute("set transaction isolation level repeatable read");
          MessageDigest digest;
          try {
            digest = MessageDigest.getInstance("SHA-256");
          } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
          }
          for (String query : CANONICAL_QUERIES) {
            digest.update(query.getBytes(StandardCharsets.UTF_8));
            jdbc.query(
                query,
                rs -> {
                  digest.update(String.valueOf(rs.getString(1)).getBytes(StandardCharsets.UTF_8));
                  digest.update((byte) '\n');
                });
          }
          Long count = jdbc.queryForObject("select count(*) from applied_event", Long.class);
          return new Fingerprint(
              AppliedEvents.state(jdbc).position(),
              HexFormat.of().formatHex(digest.digest()),
              count == null ? 0 : count);
        });
  }

  public record Fingerprint(long position, String checksum, long eventCount) {}
}
