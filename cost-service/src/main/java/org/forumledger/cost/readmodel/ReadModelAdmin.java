package org.forumledger.cost.readmodel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Reset and fingerprint of the whole read model. */
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
          "select l::text from other_cost_line l order by forum_id collate \"C\", year, line_no");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public ReadModelAdmin(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /** Empties the read model and the record of applied events in one transaction. */
  public void reset() {
    tx.executeWithoutResult(
        status -> {
          jdbc.execute(
              "truncate table other_cost_line, other_cost, annual_fee, forum_status_change, forum,"
                  + " applied_event");
          jdbc.update("update read_model_state set position = 0, version = version + 1");
        });
  }

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
