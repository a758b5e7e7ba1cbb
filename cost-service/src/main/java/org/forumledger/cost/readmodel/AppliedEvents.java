package org.forumledger.cost.readmodel;

import java.sql.Timestamp;
import java.time.Clock;
import org.forumledger.events.EventMetadata;
import org.forumledger.kit.consumer.HandledEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events the cost read model has handled ({@code applied_event}): their ids make a redelivery
 * change nothing, their metadata is what an explanation cites, their highest position is the
 * position every answer is labelled with (kept in {@code read_model_state}).
 */
@Component
public class AppliedEvents implements HandledEvents {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public AppliedEvents(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public long position() {
    return state(jdbc).position();
  }

  /** One row, whatever the length of the history. */
  static ReadModelState state(JdbcTemplate jdbc) {
    return jdbc.queryForObject(
        "select position, version from read_model_state",
        (rs, n) -> new ReadModelState(rs.getLong("position"), rs.getLong("version")));
  }

  /**
   * Inserts the event and, only when it is new, moves the read model's position and version, in one
   * round trip and in the caller's transaction, so several events in one transaction each move them
   * once.
   */
  @Override
  public boolean remember(EventMetadata m, boolean skipped) {
    int moved =
        jdbc.update(
            """
            with remembered as (
                insert into applied_event (event_id, global_position, forum_id, applied_at,
                    event_type, event_version, recorded_at, effective_date, decision_reference,
                    actor, reason, skipped)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (event_id) do nothing
                returning global_position)
            update read_model_state
            set position = greatest(position, remembered.global_position), version = version + 1
            from remembered
            """,
            m.eventId(),
            m.globalPosition(),
            m.forumId(),
            Timestamp.from(clock.instant()),
            m.eventType(),
            m.eventVersion(),
            m.recordedAt() == null ? null : Timestamp.from(m.recordedAt()),
            EventApplier.date(m.effectiveDate()),
            m.decisionReference(),
            m.actor(),
            m.reason(),
            skipped);
    return moved == 1;
  }
}
