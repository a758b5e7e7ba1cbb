package org.forumledger.cost.readmodel;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.AnnualFeeWithdrawn;
import org.forumledger.events.CostLine;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumDetailsRevised;
import org.forumledger.events.ForumReclassified;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.LedgerEvent;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.ParticipationRecorded;
import org.forumledger.events.ParticipationWithdrawn;
import org.forumledger.events.ReviewDecisionRecorded;
import org.forumledger.events.ReviewOpened;
import org.forumledger.kit.consumer.EventProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an event changes in the cost read model. The kit's {@link
 * org.forumledger.kit.consumer.ApplyOnce} calls it in the transaction that remembers the event in
 * {@link AppliedEvents}.
 */
@Component
public class EventApplier implements EventProjection {

  private final JdbcTemplate jdbc;

  public EventApplier(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void apply(EventEnvelope envelope) {
    EventMetadata m = envelope.metadata();
    LedgerEvent payload = envelope.payload();
    if (payload instanceof ForumRegistered e) {
      jdbc.update(
          """
          insert into forum (forum_id, inventory_reference, name, area, subarea, kind,
              collaboration_type, convener, registered_on, registered_event_id)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          on conflict (forum_id) do update set inventory_reference = excluded.inventory_reference,
              name = excluded.name, area = excluded.area, subarea = excluded.subarea,
              kind = excluded.kind, collaboration_type = excluded.collaboration_type,
              convener = excluded.convener, registered_on = excluded.registered_on,
              registered_event_id = excluded.registered_event_id
          """,
          e.forumId(),
          e.inventoryReference(),
          e.name(),
          e.area(),
          e.subarea(),
          e.kind() == null ? null : e.kind().name(),
          e.collaborationType(),
          e.convener(),
          date(m.effectiveDate()),
          m.eventId());
    } else if (payload instanceof ForumDetailsRevised e) {
      jdbc.update(
          "update forum set name = ?, convener = ?, details_event_id = ? where forum_id = ?",
          e.name(),
          e.convener(),
          m.eventId(),
          e.forumId());
    } else if (payload instanceof ForumReclassified e) {
      jdbc.update(
          """
          update forum set area = ?, subarea = ?, kind = ?, collaboration_type = ?,
              classified_event_id = ? where forum_id = ?
          """,
          e.area(),
          e.subarea(),
          e.kind() == null ? null : e.kind().name(),
          e.collaborationType(),
          m.eventId(),
          e.forumId());
    } else if (payload instanceof ForumStatusChanged e) {
      statusChanged(e, m);
    } else if (payload instanceof AnnualFeeSet e) {
      feeSet(e, m);
    } else if (payload instanceof AnnualFeeWithdrawn e) {
      jdbc.update(
          "delete from annual_fee where forum_id = ? and from_year = ?", e.forumId(), e.fromYear());
    } else if (payload instanceof OtherCostRecorded e) {
      otherCostRecorded(e, m);
    } else if (payload instanceof OtherCostWithdrawn e) {
      jdbc.update("delete from other_cost where forum_id = ? and year = ?", e.forumId(), e.year());
    } else if (payload instanceof ParticipationRecorded e) {
      jdbc.update(
          """
          insert into participation (forum_id, participation_id, year, record, correction, event_id)
          values (?, ?, ?, ?, ?, ?)
          on conflict (forum_id, participation_id) do update set year = excluded.year,
              record = excluded.record, correction = excluded.correction,
              event_id = excluded.event_id,
              superseded_event_ids =
                  array_append(participation.superseded_event_ids, participation.event_id)
          """,
          e.forumId(),
          e.participationId(),
          e.year(),
          StoredJson.write(e),
          e.correction(),
          m.eventId());
    } else if (payload instanceof ParticipationWithdrawn e) {
      jdbc.update(
          "delete from participation where forum_id = ? and participation_id = ?",
          e.forumId(),
          e.participationId());
    } else if (payload instanceof CostRatesRecorded e) {
      jdbc.update(
          """
          insert into cost_rates (year, rates, correction, event_id) values (?, ?, ?, ?)
          on conflict (year) do update set rates = excluded.rates,
              correction = excluded.correction, event_id = excluded.event_id,
              superseded_event_ids = array_append(cost_rates.superseded_event_ids, cost_rates.event_id)
          """,
          e.year(),
          StoredJson.write(e),
          e.correction(),
          m.eventId());
    } else if (payload instanceof ReviewOpened e) {
      jdbc.update(
          """
          insert into review (review_id, title, period_from, period_to, decision_reference,
              opened_on, event_id)
          values (?, ?, ?, ?, ?, ?, ?)
          on conflict (review_id) do update set title = excluded.title,
              period_from = excluded.period_from, period_to = excluded.period_to,
              decision_reference = excluded.decision_reference, opened_on = excluded.opened_on,
              event_id = excluded.event_id
          """,
          e.reviewId(),
          e.title(),
          e.period() == null ? null : e.period().fromYear(),
          e.period() == null ? null : e.period().toYear(),
          e.decisionReference(),
          date(e.openedOn()),
          m.eventId());
    } else if (payload instanceof ReviewDecisionRecorded e) {
      jdbc.update(
          """
          insert into review_decision (review_id, forum_id, body, record, correction, event_id)
          values (?, ?, ?, ?, ?, ?)
          on conflict (review_id, forum_id, body) do update set record = excluded.record,
              correction = excluded.correction, event_id = excluded.event_id,
              superseded_event_ids =
                  array_append(review_decision.superseded_event_ids, review_decision.event_id)
          """,
          e.reviewId(),
          e.participation().forumId(),
          e.participation().body().code(),
          StoredJson.write(e),
          e.correction(),
          m.eventId());
    }
    // representatives, headcounts, units and goals linked carry no cost, but say which units take
    // part in a forum (the costs per unit); goals, assessments and closings neither: their event
    // ids
    // are remembered all the same
    UnitFactRow.of(payload, m.eventId())
        .ifPresent(
            row ->
                jdbc.update(
                    """
                    insert into unit_fact (fact_key, forum_id, event_type, record, event_id)
                    values (?, ?, ?, ?, ?)
                    on conflict (fact_key) do update set forum_id = excluded.forum_id,
                        event_type = excluded.event_type, record = excluded.record,
                        event_id = excluded.event_id
                    """,
                    row.factKey(),
                    row.forumId(),
                    row.eventType(),
                    row.record(),
                    row.eventId()));
  }

  private void statusChanged(ForumStatusChanged e, EventMetadata m) {
    LocalDate from =
        e.effectiveFrom() != null
            ? e.effectiveFrom()
            : m.effectiveDate() != null
                ? m.effectiveDate()
                : LocalDate.ofInstant(m.recordedAt(), java.time.ZoneOffset.UTC);
    // one round trip: the forum's current status and its history move together
    jdbc.update(
        """
        with current_status as (
            update forum set status = ?, status_effective_from = ?, status_event_id = ?
            where forum_id = ?)
        insert into forum_status_change (forum_id, effective_from, status, event_id)
        values (?, ?, ?, ?)
        on conflict (forum_id, effective_from) do update set status = excluded.status,
            event_id = excluded.event_id
        """,
        e.status().name(),
        date(from),
        m.eventId(),
        e.forumId(),
        e.forumId(),
        date(from),
        e.status().name(),
        m.eventId());
  }

  private void feeSet(AnnualFeeSet e, EventMetadata m) {
    jdbc.update(
        """
        insert into annual_fee (forum_id, from_year, to_year, status, amount_sek, currency,
            original_amount, exchange_rate, exchange_rate_source, basis, per_inhabitant_rate_sek,
            population,
            project_total_sek, reported_under, correction, event_id)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (forum_id, from_year) do update set to_year = excluded.to_year,
            status = excluded.status, amount_sek = excluded.amount_sek,
            currency = excluded.currency, original_amount = excluded.original_amount,
            exchange_rate = excluded.exchange_rate,
            exchange_rate_source = excluded.exchange_rate_source, basis = excluded.basis,
            per_inhabitant_rate_sek = excluded.per_inhabitant_rate_sek,
            population = excluded.population, project_total_sek = excluded.project_total_sek,
            reported_under = excluded.reported_under, correction = excluded.correction,
            event_id = excluded.event_id,
            superseded_event_ids = array_append(annual_fee.superseded_event_ids, annual_fee.event_id)
        """,
        e.forumId(),
        e.fromYear(),
        e.toYear(),
        e.status().name(),
        e.amountSek(),
        e.currency(),
        e.originalAmount(),
        e.exchangeRate(),
        e.exchangeRateSource() == null ? null : e.exchangeRateSource().name(),
        e.basis() == null ? null : e.basis().name(),
        e.perInhabitantRateSek(),
        e.population(),
        e.projectTotalSek(),
        e.reportedUnder(),
        e.correction(),
        m.eventId());
  }

  private void otherCostRecorded(OtherCostRecorded e, EventMetadata m) {
    // the fact and the removal of its old lines in one round trip, the new lines in one batch
    jdbc.update(
        """
        with old_lines as (delete from other_cost_line where forum_id = ? and year = ?)
        insert into other_cost (forum_id, year, status, total_sek, reported_under, correction, event_id)
        values (?, ?, ?, ?, ?, ?, ?)
        on conflict (forum_id, year) do update set status = excluded.status,
            total_sek = excluded.total_sek, reported_under = excluded.reported_under,
            correction = excluded.correction, event_id = excluded.event_id,
            superseded_event_ids = array_append(other_cost.superseded_event_ids, other_cost.event_id)
        """,
        e.forumId(),
        e.year(),
        e.forumId(),
        e.year(),
        e.status().name(),
        e.totalSek(),
        e.reportedUnder(),
        e.correction(),
        m.eventId());
    List<CostLine> lines = e.lines();
    if (lines.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      CostLine line = lines.get(i);
      rows.add(
          new Object[] {
            e.forumId(),
            e.year(),
            i,
            line.category().name(),
            line.amountSek(),
            line.hours(),
            line.hourlyCostSek()
          });
    }
    jdbc.batchUpdate(
        """
        insert into other_cost_line (forum_id, year, line_no, category, amount_sek, hours, hourly_cost_sek)
        values (?, ?, ?, ?, ?, ?, ?)
        """,
        rows);
  }

  static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
