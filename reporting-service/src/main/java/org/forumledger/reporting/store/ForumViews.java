package org.forumledger.reporting.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.StateJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The materialised current view: one folded {@link ForumState} per forum, as JSON. */
@Repository
public class ForumViews {

  private static final ObjectReader READER = StateJson.mapper().readerFor(ForumState.class);

  private static final RowMapper<ForumState> ROW =
      (rs, n) -> read(rs.getString("forum_id"), rs.getString("state"));

  /** Views {@link #all} parses at a time, on the common fork-join pool beside this thread. */
  private static final int PARSED_TOGETHER = 256;

  private static ForumState read(String forumId, String state) {
    try {
      return READER.readValue(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable forum view " + forumId, e);
    }
  }

  private static final RowMapper<StoredForum> STORED =
      (rs, n) -> new StoredForum(ROW.mapRow(rs, n), rs.getLong("revision"));

  private static final String UPSERT =
      "insert into forum_view (forum_id, state, last_position, revision) values (?, ?, ?, ?)"
          + " on conflict (forum_id) do update set state = excluded.state,"
          + " last_position = excluded.last_position, revision = excluded.revision";

  private static final String UPDATE_IF_UNCHANGED =
      "update forum_view set state = ?, last_position = ?, revision = ?"
          + " where forum_id = ? and revision = ?";

  private final JdbcTemplate jdbc;

  public ForumViews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ForumState> find(String forumId) {
    return findStored(forumId).map(StoredForum::state);
  }

  public Optional<StoredForum> findStored(String forumId) {
    return jdbc
        .query(
            "select forum_id, state, revision from forum_view where forum_id = ?", STORED, forumId)
        .stream()
        .findFirst();
  }

  /** The rows of those of {@code forumIds} that have one, in one query. */
  public Map<String, StoredForum> findAllStored(Collection<String> forumIds) {
    Map<String, StoredForum> found = new HashMap<>();
    if (forumIds.isEmpty()) {
      return found;
    }
    jdbc.query(
        connection -> {
          PreparedStatement select =
              connection.prepareStatement(
                  "select forum_id, state, revision from forum_view where forum_id = any(?)");
          select.setArray(1, connection.createArrayOf("text", forumIds.toArray()));
          return select;
        },
        (RowCallbackHandler)
            rs -> {
              StoredForum stored = STORED.mapRow(rs, 0);
              found.put(stored.state().forumId(), stored);
            });
    return found;
  }

  /** The row, locked until the transaction ends, so no one else changes it meanwhile. */
  public Optional<StoredForum> findStoredForUpdate(String forumId) {
    return jdbc
        .query(
            "select forum_id, state, revision from forum_view where forum_id = ?" + " for update",
            STORED,
            forumId)
        .stream()
        .findFirst();
  }

  public List<ForumState> all() {
    // parsed a few hundred at a time in parallel: the replay's comparison with the live model read
    // every view one after the other, a sixth of a 200 000-event replay
    List<ForumState> all = new ArrayList<>();
    List<String[]> rows = new ArrayList<>(PARSED_TOGETHER);
    jdbc.query(
        "select forum_id, state from forum_view order by forum_id",
        (RowCallbackHandler)
            rs -> {
              rows.add(new String[] {rs.getString(1), rs.getString(2)});
              if (rows.size() == PARSED_TOGETHER) {
                all.addAll(parsed(rows));
                rows.clear();
              }
            });
    all.addAll(parsed(rows));
    return all;
  }

  private static List<ForumState> parsed(List<String[]> rows) {
    return rows.parallelStream().map(row -> read(row[0], row[1])).toList();
  }

  /** The rows written at revisions above {@code revision}. */
  public List<StoredForum> changedSince(long revision) {
    return jdbc.query(
        "select forum_id, state, revision from forum_view where revision > ?", STORED, revision);
  }

  /**
   * A forum's new state to write, and the revision of the row it was folded from; null when it does
   * not depend on the row (a registration starts afresh, or there was no row).
   */
  public record Write(ForumState state, Long basedOn) {}

  /**
   * Writes the states in one batch at {@code revision}. A state folded from a row is written only
   * if that row is still as it was read; the forum ids whose row had changed meanwhile (another
   * instance on the same database wrote it) are returned, unwritten.
   */
  public List<String> saveAll(List<Write> writes, long revision) {
    List<Object[]> upserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    for (Write write : writes) {
      ForumState state = write.state();
      if (write.basedOn() == null) {
        upserts.add(new Object[] {state.forumId(), json(state), state.lastPosition(), revision});
      } else {
        updates.add(
            new Object[] {
              json(state), state.lastPosition(), revision, state.forumId(), write.basedOn()
            });
        updated.add(state.forumId());
      }
    }
    if (!upserts.isEmpty()) {
      jdbc.batchUpdate(UPSERT, upserts);
    }
    List<String> changedMeanwhile = new ArrayList<>();
    if (!updates.isEmpty()) {
      int[] counts = jdbc.batchUpdate(UPDATE_IF_UNCHANGED, updates);
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          changedMeanwhile.add(updated.get(i));
        }
      }
    }
    return changedMeanwhile;
  }

  private static String json(ForumState state) {
    try {
      return StateJson.mapper().writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write forum view " + state.forumId(), e);
    }
  }
}
