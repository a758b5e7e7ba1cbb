package org.forumledger.cost.speed;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A large read model written straight in SQL, for measuring reads without publishing and applying a
 * long history first. Per forum: a registration, a status, a fee for 2023–2026 and a 2023 other
 * cost with two lines, each citing its own applied event; the rest of the applied events are
 * headcounts that carry no cost, as most of a long history does.
 */
final class SyntheticReadModel {

  private SyntheticReadModel() {}

  static void fill(JdbcTemplate jdbc, int forums, int events) {
    String n = String.valueOf(forums);
    jdbc.update(
        """
        insert into applied_event (event_id, global_position, forum_id, applied_at, event_type,
            event_version, recorded_at, effective_date, decision_reference, actor, reason, skipped)
        select 'ev-' || g, g, 'forum-' || ((g - 1) % :forums), now(),
            case when g <= 4 * :forums then 'forum.AnnualFeeSet' else 'forum.HeadcountRecorded' end,
            1, now(), date '2023-01-01', 'KS 2023-11-22 § 841', 'registrar', 'speed', false
        from generate_series(1, ?) g
        """
            .replace(":forums", n),
        events);
    jdbc.update(
        """
        insert into forum (forum_id, inventory_reference, name, area, kind, convener,
            registered_on, registered_event_id, status, status_effective_from, status_event_id)
        select 'forum-' || i, '9.' || i, 'Forum ' || i, 'Area ' || (i % 12), 'NETWORK', 'SKR',
            date '2020-01-01', 'ev-' || (i + 1), 'ACTIVE', date '2021-01-01', 'ev-' || (i + 1 + :forums)
        from generate_series(0, :forums - 1) i
        """
            .replace(":forums", n));
    jdbc.update(
        """
        insert into forum_status_change (forum_id, effective_from, status, event_id)
        select 'forum-' || i, date '2021-01-01', 'ACTIVE', 'ev-' || (i + 1 + :forums)
        from generate_series(0, :forums - 1) i
        """
            .replace(":forums", n));
    jdbc.update(
        """
        insert into annual_fee (forum_id, from_year, to_year, status, amount_sek, correction,
            event_id, superseded_event_ids)
        select 'forum-' || i, 2023, 2026, 'AMOUNT', 1000 + i, false, 'ev-' || (i + 1 + 2 * :forums),
            '{}'
        from generate_series(0, :forums - 1) i
        """
            .replace(":forums", n));
    jdbc.update(
        """
        insert into other_cost (forum_id, year, status, total_sek, correction, event_id)
        select 'forum-' || i, 2023, 'AMOUNT', 300, false, 'ev-' || (i + 1 + 3 * :forums)
        from generate_series(0, :forums - 1) i
        """
            .replace(":forums", n));
    jdbc.update(
        """
        insert into other_cost_line (forum_id, year, line_no, category, amount_sek)
        select 'forum-' || i, 2023, l, case l when 0 then 'STAFF_TIME' else 'TRAVEL' end, 150
        from generate_series(0, :forums - 1) i, generate_series(0, 1) l
        """
            .replace(":forums", n));
    jdbc.update("update read_model_state set position = ?, version = version + 1", events);
    jdbc.execute("analyze");
  }
}
