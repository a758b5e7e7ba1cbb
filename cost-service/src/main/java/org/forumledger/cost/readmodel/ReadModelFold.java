package org.forumledger.cost.readmodel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
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
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.kit.consumer.ApplyOnce;
import org.forumledger.kit.consumer.EventIdSet;
import org.forumledger.kit.consumer.EventProjection;
import org.forumledger.kit.consumer.HandledEvents;

/**
 * The cost read model folded in memory, for a bulk rebuild: row for row the changes {@link
 * AppliedEvents} and {@link EventApplier} make in SQL, decided by the kit's {@link ApplyOnce} as
 * the live consumer decides. An event is all or nothing, as in the live transaction: a row is built
 * (and checked against the table's constraints) before anything changes, and an event whose effect
 * fails is forgotten again, as the live consumer's rollback forgets it before parking it. The
 * {@code applied_event} rows stream out as each event completes; the fact tables, bounded by forums
 * and years rather than by the history, stay here until {@link #writeFacts}.
 */
public final class ReadModelFold implements HandledEvents, EventProjection {

  private final Clock clock;
  private final Consumer<AppliedEventRow> completed;
  private final ApplyOnce applyOnce;
  private final EventIdSet seen = new EventIdSet();
  private final Map<String, ForumRow> forums = new HashMap<>();
  private final Map<StatusKey, StatusChangeRow> statusChanges = new HashMap<>();
  private final Map<YearKey, FeeRow> fees = new HashMap<>();
  private final Map<YearKey, OtherCostRow> otherCosts = new HashMap<>();
  private final Map<ParticipationKey, StoredRow> participations = new HashMap<>();
  private final Map<Integer, StoredRow> rates = new HashMap<>();
  private final Map<String, ReviewRow> reviews = new HashMap<>();
  private final Map<DecisionKey, StoredRow> decisions = new HashMap<>();
  private final Map<String, UnitFactRow> unitFacts = new HashMap<>();
  private long position;
  private AppliedEventRow pending;
  private long positionBeforePending;

  ReadModelFold(Clock clock, KeyRing registryKeys, Consumer<AppliedEventRow> completed) {
    this.clock = clock;
    this.completed = completed;
    this.applyOnce = ApplyOnce.inMemory(this, this, registryKeys);
  }

  /** The last link of the registry's chain the fold followed. */
  public ChainLink chainHead() {
    return applyOnce.chainHead();
  }

  /**
   * One published record, decided as the live consumer decides it.
   *
   * @throws RuntimeException where the live consumer would park the record (unreadable bytes, or an
   *     effect the tables refuse); nothing of it is kept
   */
  public ApplyOnce.Outcome accept(byte[] value) {
    return accept(value, vouch(List.of()));
  }

  /** The records of a poll one signature vouches for (see {@link ApplyOnce#vouch}). */
  public ApplyOnce.Vouched vouch(List<byte[]> values) {
    return applyOnce.vouch(values);
  }

  /**
   * The fold's decider, for preparing polls and vouching for them (a read of the whole topic, the
   * kit's {@code TopicHistory}); records are decided through {@link #accept(byte[],
   * ApplyOnce.Vouched)}, which keeps the fold's own rows.
   */
  public ApplyOnce verifier() {
    return applyOnce;
  }

  /**
   * As {@link #accept(byte[])}, the signature not checked again where {@code vouched} covers the
   * record.
   */
  public ApplyOnce.Outcome accept(byte[] value, ApplyOnce.Vouched vouched) {
    ApplyOnce.Outcome outcome;
    try {
      outcome = applyOnce.accept(value, vouched);
    } catch (RuntimeException parked) {
      if (pending != null) {
        seen.remove(pending.eventId());
        position = positionBeforePending;
        pending = null;
      }
      throw parked;
    }
    if (pending != null) {
      completed.accept(pending);
      pending = null;
    }
    return outcome;
  }

  @Override
  public boolean remember(EventMetadata m, boolean skipped) {
    Objects.requireNonNull(m.eventId(), "applied_event.event_id");
    if (!seen.add(m.eventId())) {
      return false;
    }
    pending =
        new AppliedEventRow(
            m.eventId(),
            m.globalPosition(),
            m.forumId(),
            clock.instant(),
            m.eventType(),
            m.eventVersion(),
            m.recordedAt(),
            m.effectiveDate(),
            m.decisionReference(),
            m.actor(),
            m.reason(),
            skipped);
    positionBeforePending = position;
    position = Math.max(position, m.globalPosition());
    return true;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void apply(EventEnvelope envelope) {
    EventMetadata m = envelope.metadata();
    LedgerEvent payload = envelope.payload();
    if (payload instanceof ForumRegistered e) {
      ForumRow before = forums.get(e.forumId());
      ForumRow registered =
          new ForumRow(
              e.forumId(),
              e.inventoryReference(),
              e.name(),
              e.area(),
              e.subarea(),
              e.kind() == null ? null : e.kind().name(),
              e.collaborationType(),
              e.convener(),
              m.effectiveDate(),
              m.eventId(),
              before == null ? null : before.detailsEventId(),
              before == null ? null : before.classifiedEventId(),
              before == null ? null : before.status(),
              before == null ? null : before.statusEffectiveFrom(),
              before == null ? null : before.statusEventId());
      forums.put(registered.forumId(), registered);
    } else if (payload instanceof ForumDetailsRevised e) {
      ForumRow before = forums.get(e.forumId());
      if (before != null) {
        forums.put(before.forumId(), before.revised(e.name(), e.convener(), m.eventId()));
      }
    } else if (payload instanceof ForumReclassified e) {
      ForumRow before = forums.get(e.forumId());
      if (before != null) {
        forums.put(
            before.forumId(),
            before.reclassified(
                e.area(),
                e.subarea(),
                e.kind() == null ? null : e.kind().name(),
                e.collaborationType(),
                m.eventId()));
      }
    } else if (payload instanceof ForumStatusChanged e) {
      statusChanged(e, m);
    } else if (payload instanceof AnnualFeeSet e) {
      feeSet(e, m);
    } else if (payload instanceof AnnualFeeWithdrawn e) {
      fees.remove(new YearKey(e.forumId(), e.fromYear()));
    } else if (payload instanceof OtherCostRecorded e) {
      otherCostRecorded(e, m);
    } else if (payload instanceof OtherCostWithdrawn e) {
      otherCosts.remove(new YearKey(e.forumId(), e.year()));
    } else if (payload instanceof ParticipationRecorded e) {
      ParticipationKey key = new ParticipationKey(e.forumId(), e.participationId());
      participations.put(
          key,
          StoredRow.replacing(
              participations.get(key), e.year(), StoredJson.write(e), e.correction(), m));
    } else if (payload instanceof ParticipationWithdrawn e) {
      participations.remove(new ParticipationKey(e.forumId(), e.participationId()));
    } else if (payload instanceof CostRatesRecorded e) {
      rates.put(
          e.year(),
          StoredRow.replacing(
              rates.get(e.year()), e.year(), StoredJson.write(e), e.correction(), m));
    } else if (payload instanceof ReviewOpened e) {
      reviews.put(
          e.reviewId(),
          new ReviewRow(
              e.reviewId(),
              e.title(),
              e.period() == null ? null : e.period().fromYear(),
              e.period() == null ? null : e.period().toYear(),
              e.decisionReference(),
              e.openedOn(),
              m.eventId()));
    } else if (payload instanceof ReviewDecisionRecorded e) {
      DecisionKey key =
          new DecisionKey(
              e.reviewId(), e.participation().forumId(), e.participation().body().code());
      // the year column of the shared row shape is not written for a decision
      decisions.put(
          key, StoredRow.replacing(decisions.get(key), 0, StoredJson.write(e), e.correction(), m));
    }
    UnitFactRow.of(payload, m.eventId()).ifPresent(row -> unitFacts.put(row.factKey(), row));
  }

  private void statusChanged(ForumStatusChanged e, EventMetadata m) {
    LocalDate from =
        e.effectiveFrom() != null
            ? e.effectiveFrom()
            : m.effectiveDate() != null
                ? m.effectiveDate()
                : LocalDate.ofInstant(m.recordedAt(), ZoneOffset.UTC);
    StatusChangeRow change = new StatusChangeRow(e.forumId(), from, e.status().name(), m.eventId());
    ForumRow before = forums.get(e.forumId());
    if (before != null) {
      forums.put(before.forumId(), before.withStatus(change.status(), from, m.eventId()));
    }
    statusChanges.put(new StatusKey(change.forumId(), from), change);
  }

  private void feeSet(AnnualFeeSet e, EventMetadata m) {
    YearKey key = new YearKey(e.forumId(), e.fromYear());
    FeeRow before = fees.get(key);
    FeeRow fee =
        new FeeRow(
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
            m.eventId(),
            before == null ? List.of() : appended(before.supersededEventIds(), before.eventId()));
    fees.put(key, fee);
  }

  private void otherCostRecorded(OtherCostRecorded e, EventMetadata m) {
    List<CostLineRow> lines = new ArrayList<>(e.lines().size());
    for (CostLine line : e.lines()) {
      lines.add(
          new CostLineRow(
              line.category().name(), line.amountSek(), line.hours(), line.hourlyCostSek()));
    }
    YearKey key = new YearKey(e.forumId(), e.year());
    OtherCostRow before = otherCosts.get(key);
    OtherCostRow cost =
        new OtherCostRow(
            e.forumId(),
            e.year(),
            e.status().name(),
            e.totalSek(),
            e.reportedUnder(),
            e.correction(),
            m.eventId(),
            before == null ? List.of() : appended(before.supersededEventIds(), before.eventId()),
            List.copyOf(lines));
    otherCosts.put(key, cost);
  }

  /** Copies the fact tables; {@code other_cost} before the lines that reference it. */
  void writeFacts(TableCopies copies) {
    try (CopyText out = copies.open("forum", ForumRow.COLUMNS)) {
      forums.values().forEach(row -> row.copyTo(out));
      out.finish();
    }
    try (CopyText out = copies.open("forum_status_change", StatusChangeRow.COLUMNS)) {
      statusChanges.values().forEach(row -> row.copyTo(out));
      out.finish();
    }
    try (CopyText out = copies.open("annual_fee", FeeRow.COLUMNS)) {
      fees.values().forEach(row -> row.copyTo(out));
      out.finish();
    }
    try (CopyText out = copies.open("other_cost", OtherCostRow.COLUMNS)) {
      otherCosts.values().forEach(row -> row.copyTo(out));
      out.finish();
    }
    try (CopyText out = copies.open("other_cost_line", CostLineRow.COLUMNS)) {
      otherCosts.values().forEach(row -> row.copyLinesTo(out));
      out.finish();
    }
    try (CopyText out =
        copies.open(
            "participation",
            "forum_id, participation_id, year, record, correction, event_id,"
                + " superseded_event_ids")) {
      participations.forEach(
          (key, row) -> row.copyTo(out.text(key.forumId()).text(key.participationId())));
      out.finish();
    }
    try (CopyText out =
        copies.open("cost_rates", "year, rates, correction, event_id, superseded_event_ids")) {
      rates.values().forEach(row -> row.copyTo(out));
      out.finish();
    }
    try (CopyText out = copies.open("review", ReviewRow.COLUMNS)) {
      reviews.values().forEach(row -> row.copyTo(out));
      out.finish();
    }
    try (CopyText out =
        copies.open(
            "review_decision",
            "review_id, forum_id, body, record, correction, event_id, superseded_event_ids")) {
      decisions.forEach(
          (key, row) ->
              row.copyWithoutYearTo(out.text(key.reviewId()).text(key.forumId()).text(key.body())));
      out.finish();
    }
    try (CopyText out = copies.open("unit_fact", UnitFactRow.COLUMNS)) {
      unitFacts.values().forEach(row -> row.copyTo(out));
      out.finish();
    }
  }

  /** Opens a copy into a table of the read model, in the rebuild's transaction. */
  @FunctionalInterface
  interface TableCopies {
    CopyText open(String table, String columns);
  }

  private static List<String> appended(List<String> list, String element) {
    List<String> longer = new ArrayList<>(list.size() + 1);
    longer.addAll(list);
    longer.add(element);
    return List.copyOf(longer);
  }

  /** PostgreSQL's text refuses the NUL character; the live insert would fail on it. */
  private static String storable(String text) {
    if (text != null && text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("Text with a NUL character cannot be stored: " + text);
    }
    return text;
  }

  private static void storable(String... texts) {
    for (String text : texts) {
      storable(text);
    }
  }

  private record StatusKey(String forumId, LocalDate effectiveFrom) {}

  private record YearKey(String forumId, int year) {}

  private record ParticipationKey(String forumId, String participationId) {}

  private record DecisionKey(String reviewId, String forumId, String body) {}

  record ReviewRow(
      String reviewId,
      String title,
      Integer periodFrom,
      Integer periodTo,
      String decisionReference,
      LocalDate openedOn,
      String eventId) {

    static final String COLUMNS =
        "review_id, title, period_from, period_to, decision_reference, opened_on, event_id";

    ReviewRow {
      Objects.requireNonNull(reviewId, "review.review_id");
      storable(reviewId, title, decisionReference);
    }

    void copyTo(CopyText out) {
      out.text(reviewId)
          .text(title)
          .number(periodFrom)
          .number(periodTo)
          .text(decisionReference)
          .date(openedOn)
          .text(eventId)
          .endRow();
    }
  }

  /**
   * A row of {@code participation} or {@code cost_rates} after its key: the year, the payload as
   * stored JSON and the event it came from, with those it replaced.
   */
  record StoredRow(
      int year, String json, boolean correction, String eventId, List<String> supersededEventIds) {

    StoredRow {
      storable(json);
    }

    static StoredRow replacing(
        StoredRow before, int year, String json, boolean correction, EventMetadata m) {
      return new StoredRow(
          year,
          json,
          correction,
          m.eventId(),
          before == null ? List.of() : appended(before.supersededEventIds(), before.eventId()));
    }

    void copyWithoutYearTo(CopyText out) {
      out.text(json).bool(correction).text(eventId).textArray(supersededEventIds).endRow();
    }

    void copyTo(CopyText out) {
      out.number(year)
          .text(json)
          .bool(correction)
          .text(eventId)
          .textArray(supersededEventIds)
          .endRow();
    }
  }

  record AppliedEventRow(
      String eventId,
      long globalPosition,
      String forumId,
      Instant appliedAt,
      String eventType,
      int eventVersion,
      Instant recordedAt,
      LocalDate effectiveDate,
      String decisionReference,
      String actor,
      String reason,
      boolean skipped) {

    static final String COLUMNS =
        "event_id, global_position, forum_id, applied_at, event_type, event_version, recorded_at,"
            + " effective_date, decision_reference, actor, reason, skipped";

    AppliedEventRow {
      storable(eventId, forumId, eventType, decisionReference, actor, reason);
    }

    void copyTo(CopyText out) {
      out.text(eventId)
          .number(globalPosition)
          .text(forumId)
          .timestamp(appliedAt)
          .text(eventType)
          .number(eventVersion)
          .timestamp(recordedAt)
          .date(effectiveDate)
          .text(decisionReference)
          .text(actor)
          .text(reason)
          .bool(skipped)
          .endRow();
    }
  }

  record ForumRow(
      String forumId,
      String inventoryReference,
      String name,
      String area,
      String subarea,
      String kind,
      String collaborationType,
      String convener,
      LocalDate registeredOn,
      String registeredEventId,
      String detailsEventId,
      String classifiedEventId,
      String status,
      LocalDate statusEffectiveFrom,
      String statusEventId) {

    static final String COLUMNS =
        "forum_id, inventory_reference, name, area, subarea, kind, collaboration_type, convener,"
            + " registered_on, registered_event_id, details_event_id, classified_event_id, status,"
            + " status_effective_from, status_event_id";

    ForumRow {
      Objects.requireNonNull(forumId, "forum.forum_id");
      Objects.requireNonNull(registeredEventId, "forum.registered_event_id");
      storable(inventoryReference, name, area, subarea, collaborationType, convener);
    }

    ForumRow revised(String newName, String newConvener, String eventId) {
      return new ForumRow(
          forumId,
          inventoryReference,
          newName,
          area,
          subarea,
          kind,
          collaborationType,
          newConvener,
          registeredOn,
          registeredEventId,
          eventId,
          classifiedEventId,
          status,
          statusEffectiveFrom,
          statusEventId);
    }

    ForumRow reclassified(
        String newArea,
        String newSubarea,
        String newKind,
        String newCollaborationType,
        String eventId) {
      return new ForumRow(
          forumId,
          inventoryReference,
          name,
          newArea,
          newSubarea,
          newKind,
          newCollaborationType,
          convener,
          registeredOn,
          registeredEventId,
          detailsEventId,
          eventId,
          status,
          statusEffectiveFrom,
          statusEventId);
    }

    ForumRow withStatus(String newStatus, LocalDate effectiveFrom, String eventId) {
      return new ForumRow(
          forumId,
          inventoryReference,
          name,
          area,
          subarea,
          kind,
          collaborationType,
          convener,
          registeredOn,
          registeredEventId,
          detailsEventId,
          classifiedEventId,
          newStatus,
          effectiveFrom,
          eventId);
    }

    void copyTo(CopyText out) {
      out.text(forumId)
          .text(inventoryReference)
          .text(name)
          .text(area)
          .text(subarea)
          .text(kind)
          .text(collaborationType)
          .text(convener)
          .date(registeredOn)
          .text(registeredEventId)
          .text(detailsEventId)
          .text(classifiedEventId)
          .text(status)
          .date(statusEffectiveFrom)
          .text(statusEventId)
          .endRow();
    }
  }

  record StatusChangeRow(String forumId, LocalDate effectiveFrom, String status, String eventId) {

    static final String COLUMNS = "forum_id, effective_from, status, event_id";

    StatusChangeRow {
      Objects.requireNonNull(forumId, "forum_status_change.forum_id");
      Objects.requireNonNull(effectiveFrom, "forum_status_change.effective_from");
    }

    void copyTo(CopyText out) {
      out.text(forumId).date(effectiveFrom).text(status).text(eventId).endRow();
    }
  }

  record FeeRow(
      String forumId,
      int fromYear,
      Integer toYear,
      String status,
      BigDecimal amountSek,
      String currency,
      BigDecimal originalAmount,
      BigDecimal exchangeRate,
      String exchangeRateSource,
      String basis,
      BigDecimal perInhabitantRateSek,
      Long population,
      BigDecimal projectTotalSek,
      String reportedUnder,
      boolean correction,
      String eventId,
      List<String> supersededEventIds) {

    static final String COLUMNS =
        "forum_id, from_year, to_year, status, amount_sek, currency, original_amount,"
            + " exchange_rate, exchange_rate_source, basis, per_inhabitant_rate_sek, population,"
            + " project_total_sek,"
            + " reported_under, correction, event_id, superseded_event_ids";

    FeeRow {
      Objects.requireNonNull(forumId, "annual_fee.forum_id");
      storable(currency, reportedUnder);
    }

    void copyTo(CopyText out) {
      out.text(forumId)
          .number(fromYear)
          .number(toYear)
          .text(status)
          .number(amountSek)
          .text(currency)
          .number(originalAmount)
          .number(exchangeRate)
          .text(exchangeRateSource)
          .text(basis)
          .number(perInhabitantRateSek)
          .number(population)
          .number(projectTotalSek)
          .text(reportedUnder)
          .bool(correction)
          .text(eventId)
          .textArray(supersededEventIds)
          .endRow();
    }
  }

  record OtherCostRow(
      String forumId,
      int year,
      String status,
      BigDecimal totalSek,
      String reportedUnder,
      boolean correction,
      String eventId,
      List<String> supersededEventIds,
      List<CostLineRow> lines) {

    static final String COLUMNS =
        "forum_id, year, status, total_sek, reported_under, correction, event_id,"
            + " superseded_event_ids";

    OtherCostRow {
      Objects.requireNonNull(forumId, "other_cost.forum_id");
      storable(reportedUnder);
    }

    void copyTo(CopyText out) {
      out.text(forumId)
          .number(year)
          .text(status)
          .number(totalSek)
          .text(reportedUnder)
          .bool(correction)
          .text(eventId)
          .textArray(supersededEventIds)
          .endRow();
    }

    void copyLinesTo(CopyText out) {
      for (int lineNo = 0; lineNo < lines.size(); lineNo++) {
        CostLineRow line = lines.get(lineNo);
        out.text(forumId)
            .number(year)
            .number(lineNo)
            .text(line.category())
            .number(line.amountSek())
            .number(line.hours())
            .number(line.hourlyCostSek())
            .endRow();
      }
    }
  }

  record CostLineRow(
      String category, BigDecimal amountSek, BigDecimal hours, BigDecimal hourlyCostSek) {

    static final String COLUMNS =
        "forum_id, year, line_no, category, amount_sek, hours, hourly_cost_sek";
  }
}
