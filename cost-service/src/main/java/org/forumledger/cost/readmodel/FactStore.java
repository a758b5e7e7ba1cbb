package org.forumledger.cost.readmodel;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.forumledger.cost.projection.DecisionFact;
import org.forumledger.cost.projection.FeeFact;
import org.forumledger.cost.projection.ForumFacts;
import org.forumledger.cost.projection.MandatePeriod;
import org.forumledger.cost.projection.OtherCostFact;
import org.forumledger.cost.projection.ParticipationFact;
import org.forumledger.cost.projection.Provenance;
import org.forumledger.cost.projection.RatesFact;
import org.forumledger.cost.projection.ReviewFact;
import org.forumledger.cost.projection.StatusFact;
import org.forumledger.cost.units.UnitFact;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostLine;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.CostStatus;
import org.forumledger.events.ExchangeRateSource;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumEventType;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.LedgerEvent;
import org.forumledger.events.ParticipationRecorded;
import org.forumledger.events.ReviewDecisionRecorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the stored facts back as the plain objects the projection rules work on. */
@Repository
public class FactStore {

  /**
   * The applied events that the loaded facts cite, and no others: a read costs what it answers, not
   * the length of the history. {@code FILTER} is empty or restricts every table to one forum.
   */
  private static final String PROVENANCE =
      """
      select event_id, event_type, global_position, recorded_at, effective_date, decision_reference
      from applied_event where event_id in (
          select event_id from forum_status_change FILTER
          union select event_id from annual_fee FILTER
          union select event_id from other_cost FILTER
          union select event_id from participation FILTER
          union select event_id from review_decision FILTER
          union select event_id from cost_rates
          union select unnest(array[registered_event_id, details_event_id, classified_event_id,
              status_event_id]) from forum FILTER)
      """;

  private static final String ONE_FORUM = " where forum_id = ?";

  private final JdbcTemplate jdbc;

  public FactStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<ForumFacts> loadAll() {
    return query("");
  }

  public Optional<ForumFacts> load(String forumId) {
    if (forumId == null) {
      return Optional.empty();
    }
    return query(ONE_FORUM, forumId).stream().findFirst();
  }

  /** Where the read model stands; read it in the transaction that reads the facts. */
  public ReadModelState state() {
    return AppliedEvents.state(jdbc);
  }

  private List<ForumFacts> query(String filter, Object... forumId) {
    Object[] everyTable =
        filter.isEmpty()
            ? forumId
            : new Object[] {forumId[0], forumId[0], forumId[0], forumId[0], forumId[0], forumId[0]};
    Map<String, Provenance> provenance = new HashMap<>();
    jdbc.query(
        PROVENANCE.replace("FILTER", filter),
        rs -> {
          provenance.put(rs.getString("event_id"), provenance(rs));
        },
        everyTable);
    Map<String, List<StatusFact>> statuses = new HashMap<>();
    jdbc.query(
        "select forum_id, effective_from, status, event_id from forum_status_change" + filter,
        rs -> {
          statuses
              .computeIfAbsent(rs.getString("forum_id"), k -> new ArrayList<>())
              .add(
                  new StatusFact(
                      ForumStatus.valueOf(rs.getString("status")),
                      rs.getObject("effective_from", LocalDate.class),
                      known(provenance, rs.getString("event_id"))));
        },
        forumId);
    Map<String, List<FeeFact>> fees = new HashMap<>();
    jdbc.query(
        "select * from annual_fee" + filter,
        rs -> {
          fees.computeIfAbsent(rs.getString("forum_id"), k -> new ArrayList<>())
              .add(
                  new FeeFact(
                      rs.getInt("from_year"),
                      (Integer) rs.getObject("to_year"),
                      CostStatus.valueOf(rs.getString("status")),
                      rs.getBigDecimal("amount_sek"),
                      rs.getString("currency"),
                      rs.getBigDecimal("original_amount"),
                      rs.getBigDecimal("exchange_rate"),
                      rs.getString("exchange_rate_source") == null
                          ? null
                          : ExchangeRateSource.valueOf(rs.getString("exchange_rate_source")),
                      rs.getString("basis") == null
                          ? null
                          : FeeBasis.valueOf(rs.getString("basis")),
                      rs.getBigDecimal("per_inhabitant_rate_sek"),
                      (Long) rs.getObject("population"),
                      rs.getBigDecimal("project_total_sek"),
                      rs.getString("reported_under"),
                      rs.getBoolean("correction"),
                      known(provenance, rs.getString("event_id")),
                      strings(rs.getArray("superseded_event_ids"))));
        },
        forumId);
    Map<String, List<CostLine>> lines = new LinkedHashMap<>();
    jdbc.query(
        "select * from other_cost_line" + filter + " order by forum_id, year, line_no",
        rs -> {
          lines
              .computeIfAbsent(
                  rs.getString("forum_id") + "|" + rs.getInt("year"), k -> new ArrayList<>())
              .add(
                  new CostLine(
                      CostCategory.valueOf(rs.getString("category")),
                      rs.getBigDecimal("amount_sek"),
                      rs.getBigDecimal("hours"),
                      rs.getBigDecimal("hourly_cost_sek")));
        },
        forumId);
    Map<String, List<OtherCostFact>> others = new HashMap<>();
    jdbc.query(
        "select * from other_cost" + filter,
        rs -> {
          String id = rs.getString("forum_id");
          int year = rs.getInt("year");
          others
              .computeIfAbsent(id, k -> new ArrayList<>())
              .add(
                  new OtherCostFact(
                      year,
                      CostStatus.valueOf(rs.getString("status")),
                      lines.getOrDefault(id + "|" + year, List.of()),
                      rs.getBigDecimal("total_sek"),
                      rs.getString("reported_under"),
                      rs.getBoolean("correction"),
                      known(provenance, rs.getString("event_id")),
                      strings(rs.getArray("superseded_event_ids"))));
        },
        forumId);
    Map<String, List<ParticipationFact>> participations = new HashMap<>();
    jdbc.query(
        "select forum_id, record, event_id, superseded_event_ids from participation" + filter,
        rs -> {
          participations
              .computeIfAbsent(rs.getString("forum_id"), k -> new ArrayList<>())
              .add(
                  new ParticipationFact(
                      StoredJson.read(rs.getString("record"), ParticipationRecorded.class),
                      known(provenance, rs.getString("event_id")),
                      strings(rs.getArray("superseded_event_ids"))));
        },
        forumId);
    Map<String, List<DecisionFact>> decisions = new HashMap<>();
    jdbc.query(
        """
        select d.forum_id, d.record, d.event_id, d.superseded_event_ids, r.title
        from review_decision d left join review r on r.review_id = d.review_id
        """
            + filter.replace("forum_id", "d.forum_id"),
        rs -> {
          decisions
              .computeIfAbsent(rs.getString("forum_id"), k -> new ArrayList<>())
              .add(
                  new DecisionFact(
                      StoredJson.read(rs.getString("record"), ReviewDecisionRecorded.class),
                      rs.getString("title"),
                      known(provenance, rs.getString("event_id")),
                      strings(rs.getArray("superseded_event_ids"))));
        },
        forumId);
    // the ledger's rates: a setting of every forum's years, not a fact of one forum
    Map<Integer, RatesFact> rates = new HashMap<>();
    jdbc.query(
        "select year, rates, event_id, superseded_event_ids from cost_rates",
        rs -> {
          rates.put(
              rs.getInt("year"),
              new RatesFact(
                  StoredJson.read(rs.getString("rates"), CostRatesRecorded.class),
                  known(provenance, rs.getString("event_id")),
                  strings(rs.getArray("superseded_event_ids"))));
        });
    Map<Integer, RatesFact> ratesOfEveryForum = Map.copyOf(rates);
    return jdbc.query(
        "select * from forum" + filter + " order by forum_id",
        (rs, n) -> {
          String id = rs.getString("forum_id");
          StatusFact current =
              rs.getString("status") == null
                  ? null
                  : new StatusFact(
                      ForumStatus.valueOf(rs.getString("status")),
                      rs.getObject("status_effective_from", LocalDate.class),
                      known(provenance, rs.getString("status_event_id")));
          List<Provenance> identity = new ArrayList<>();
          for (String column :
              List.of("registered_event_id", "details_event_id", "classified_event_id")) {
            Provenance p = known(provenance, rs.getString(column));
            if (p != null) {
              identity.add(p);
            }
          }
          return new ForumFacts(
              id,
              rs.getString("inventory_reference"),
              rs.getString("name"),
              rs.getString("area"),
              rs.getString("convener"),
              rs.getString("kind") == null ? null : ForumKind.valueOf(rs.getString("kind")),
              rs.getObject("registered_on", LocalDate.class),
              current,
              statuses.getOrDefault(id, List.of()),
              fees.getOrDefault(id, List.of()),
              others.getOrDefault(id, List.of()),
              identity,
              participations.getOrDefault(id, List.of()),
              ratesOfEveryForum,
              decisions.getOrDefault(id, List.of()));
        },
        forumId);
  }

  /**
   * Every stored fact about units (see {@code unit_fact}): who takes part in which forum, besides
   * the meetings of {@link #loadAll}, and the units registered, each with its event, in the order
   * the ledger recorded them.
   */
  public List<UnitFact> unitFacts() {
    return jdbc.query(
        """
        select u.forum_id, u.event_type as stored_type, u.record, u.event_id, a.event_type,
            a.global_position, a.recorded_at, a.effective_date, a.decision_reference
        from unit_fact u left join applied_event a on a.event_id = u.event_id
        order by a.global_position, u.fact_key collate "C"
        """,
        (rs, n) -> {
          String type = rs.getString("stored_type");
          Class<?> payload =
              Arrays.stream(ForumEventType.values())
                  .filter(t -> t.logicalName().equals(type))
                  .findFirst()
                  .orElseThrow(() -> new IllegalStateException("Unknown stored type " + type))
                  .eventClass();
          return new UnitFact(
              rs.getString("forum_id"),
              (LedgerEvent) StoredJson.read(rs.getString("record"), payload),
              provenance(rs));
        });
  }

  /** The review {@code reviewId}, empty when its opening has not been seen. */
  public Optional<ReviewFact> review(String reviewId) {
    return jdbc
        .query(
            """
            select r.*, a.event_type, a.global_position, a.recorded_at, a.effective_date,
                a.decision_reference as event_decision_reference
            from review r left join applied_event a on a.event_id = r.event_id
            where r.review_id = ?
            """,
            (rs, n) -> {
              Integer from = (Integer) rs.getObject("period_from");
              Integer to = (Integer) rs.getObject("period_to");
              Timestamp recorded = rs.getTimestamp("recorded_at");
              return new ReviewFact(
                  rs.getString("review_id"),
                  rs.getString("title"),
                  from == null || to == null ? null : new MandatePeriod(from, to),
                  rs.getString("decision_reference"),
                  rs.getObject("opened_on", LocalDate.class),
                  new Provenance(
                      rs.getString("event_id"),
                      rs.getString("event_type"),
                      rs.getLong("global_position"),
                      recorded == null ? null : recorded.toInstant(),
                      rs.getObject("effective_date", LocalDate.class),
                      rs.getString("event_decision_reference")));
            },
            reviewId)
        .stream()
        .findFirst();
  }

  private static Provenance known(Map<String, Provenance> provenance, String eventId) {
    if (eventId == null) {
      return null;
    }
    return provenance.getOrDefault(eventId, new Provenance(eventId, null, 0, null, null, null));
  }

  private static Provenance provenance(ResultSet rs) throws SQLException {
    Timestamp recorded = rs.getTimestamp("recorded_at");
    return new Provenance(
        rs.getString("event_id"),
        rs.getString("event_type"),
        rs.getLong("global_position"),
        recorded == null ? null : recorded.toInstant(),
        rs.getObject("effective_date", LocalDate.class),
        rs.getString("decision_reference"));
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((String[]) array.getArray());
  }
}
