package org.forumledger.cost.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.AnnualFeeWithdrawn;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostLine;
import org.forumledger.events.CostStatus;
import org.forumledger.events.CountRange;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumEventType;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.Scope;

/** Envelopes as the registry publishes them, with increasing global positions. */
public final class TestEvents {

  private static final AtomicLong POSITION = new AtomicLong();

  private TestEvents() {}

  public static EventEnvelope envelope(
      ForumEvent payload, LocalDate effectiveDate, String decision) {
    ForumEventType type = ForumEventType.of(payload);
    return new EventEnvelope(
        new EventMetadata(
            UUID.randomUUID().toString(),
            type.logicalName(),
            type.version(),
            payload.forumId(),
            0,
            POSITION.incrementAndGet(),
            Instant.parse("2024-02-26T09:15:00Z"),
            effectiveDate,
            "registrar",
            "test",
            decision,
            "test-run"),
        payload);
  }

  public static EventEnvelope registered(
      String forumId, String reference, String area, String convener, LocalDate effective) {
    return envelope(
        new ForumRegistered(
            forumId,
            reference,
            "Forum " + reference,
            "purpose",
            area,
            null,
            ForumKind.NETWORK,
            null,
            convener,
            Scope.REGIONAL,
            CountRange.exactly(4),
            MeetingMode.MIXED),
        effective,
        "SLK-2023-01081");
  }

  public static EventEnvelope fee(String forumId, int from, Integer to, String sek) {
    return envelope(
        new AnnualFeeSet(
            forumId,
            from,
            to,
            CostStatus.AMOUNT,
            new BigDecimal(sek),
            "SEK",
            null,
            null,
            FeeBasis.FIXED,
            null,
            null,
            null,
            null,
            false),
        LocalDate.of(from, 1, 1),
        "KS 2023-11-22 § 841");
  }

  public static EventEnvelope feeStatus(String forumId, int from, CostStatus status, String under) {
    return envelope(
        new AnnualFeeSet(
            forumId, from, null, status, null, null, null, null, null, null, null, null, under,
            false),
        LocalDate.of(from, 1, 1),
        null);
  }

  public static EventEnvelope otherCost(String forumId, int year, String staff, String travel) {
    return envelope(
        new OtherCostRecorded(
            forumId,
            year,
            CostStatus.AMOUNT,
            List.of(
                new CostLine(CostCategory.STAFF_TIME, new BigDecimal(staff), null, null),
                new CostLine(CostCategory.TRAVEL, new BigDecimal(travel), null, null)),
            new BigDecimal(staff).add(new BigDecimal(travel)),
            null,
            false),
        LocalDate.of(year, 1, 1),
        null);
  }

  public static EventEnvelope otherCostStatus(
      String forumId, int year, CostStatus status, String under) {
    return envelope(
        new OtherCostRecorded(forumId, year, status, List.of(), null, under, false),
        LocalDate.of(year, 1, 1),
        null);
  }

  public static EventEnvelope feeWithdrawn(String forumId, int fromYear) {
    return envelope(new AnnualFeeWithdrawn(forumId, fromYear), LocalDate.of(fromYear, 1, 1), null);
  }

  public static EventEnvelope otherCostWithdrawn(String forumId, int year) {
    return envelope(new OtherCostWithdrawn(forumId, year), LocalDate.of(year, 1, 1), null);
  }

  public static EventEnvelope status(String forumId, ForumStatus status, LocalDate from) {
    return envelope(new ForumStatusChanged(forumId, status, from), from, "KS 2024-01-17 § 12");
  }

  /** A well-formed envelope of a type this contract does not know (a newer registry's event). */
  public static Map<String, Object> unknownType(String forumId) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("eventId", UUID.randomUUID().toString());
    metadata.put("eventType", "forum.BudgetFrozen");
    metadata.put("eventVersion", 1);
    metadata.put("forumId", forumId);
    metadata.put("sequenceNumber", 9);
    metadata.put("globalPosition", POSITION.incrementAndGet());
    metadata.put("recordedAt", "2024-02-26T09:15:00Z");
    metadata.put("actor", "registrar");
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("metadata", metadata);
    envelope.put("payload", Map.of("forumId", forumId, "frozen", true));
    return envelope;
  }
}
