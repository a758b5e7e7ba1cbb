package org.forumledger.reporting.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Optional;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.StateJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The materialised current view: one folded {@link ForumState} per forum, as JSON. */
@Repository
public class ForumViews {

  private static final RowMapper<ForumState> ROW =
      (rs, n) -> {
        try {
          return StateJson.mapper().readValue(rs.getString("state"), ForumState.class);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("Unreadable forum view " + rs.getString("forum_id"), e);
        }
      };

  private final JdbcTemplate jdbc;

  public ForumViews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ForumState> find(String forumId) {
    return jdbc
        .query(
            "select forum_id, state::text as state from forum_view where forum_id = ?",
            ROW,
            forumId)
        .stream()
        .findFirst();
  }

  public List<ForumState> all() {
    return jdbc.query(
        "select forum_id, state::text as state from forum_view order by forum_id", ROW);
  }

  private static String json(ForumState state) {
    try {
      return StateJson.mapper().writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write forum view " + state.forumId(), e);
    }
  }

  public void save(ForumState state) {
    jdbc.update(
        "insert into forum_view (forum_id, state, last_position) values (?, ?::jsonb, ?)"
            + " on conflict (forum_id) do update set state = excluded.state,"
            + " last_position = excluded.last_position",
        state.forumId(),
        json(state),
        state.lastPosition());
  }
}
