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
 * position every answer is labelled with.
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
    return position(jdbc);
  }

  /** The highest global position applied so far, 0 before the first event. */
  static long position(JdbcTemplate jdbc) {
    Long position =
        jdbc.queryForObject(
            "select coalesce(max(global_position), 0) from applied_event", Long.class);
    return position == null ? 0 : position;
  }

  @Override
  public boolean remember(EventMetadata m, boolean skipped) {
    int inserted =
        jdbc.update(
            """
            insert into applied_event (event_id, global_position, forum_id, applied_at, event_type,
                event_version, recorded_at, effective_date, decision_reference, actor, reason, skipped)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (event_id) do nothing
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
    return inserted == 1;
  }
}
