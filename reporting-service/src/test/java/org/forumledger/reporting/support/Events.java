package org.forumledger.reporting.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.AnnualFeeWithdrawn;
import org.forumledger.events.AppointmentEnded;
import org.forumledger.events.Body;
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
import org.forumledger.events.ForumReclassified;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.events.Role;
import org.forumledger.events.Scope;

/**
 * Builds envelopes the way the registry publishes them: per-forum sequence numbers and a gap-free
 * global position, each event recorded at the given instant.
 */
public final class Events {

  private final AtomicLong position;
  private final Map<String, Long> sequences = new HashMap<>();

  public Events(long firstPosition) {
    this.position = new AtomicLong(firstPosition);
  }

  public EventEnvelope envelope(ForumEvent payload, String recordedAt, String effectiveDate) {
    return envelope(payload, recordedAt, effectiveDate, "registrar", "test");
  }

  public EventEnvelope envelope(
      ForumEvent payload, String recordedAt, String effectiveDate, String actor, String reason) {
    ForumEventType type = ForumEventType.of(payload);
    long sequence = sequences.merge(payload.forumId(), 1L, Long::sum) - 1;
    EventMetadata metadata =
        new EventMetadata(
            UUID.randomUUID().toString(),
            type.logicalName(),
            type.version(),
            payload.forumId(),
            sequence,
            position.getAndIncrement(),
            Instant.parse(recordedAt),
            effectiveDate == null ? null : LocalDate.parse(effectiveDate),
            actor,
            reason,
            "KS 2023-11-22 § 841",
            "corr-" + payload.forumId());
    return new EventEnvelope(metadata, payload);
  }

  public static ForumRegistered registered(String id, String ref, String name, String area) {
    return registered(id, ref, name, area, "SKR");
  }

  public static ForumRegistered registered(
      String id, String ref, String name, String area, String convener) {
    return new ForumRegistered(
        id,
        ref,
        name,
        "purpose of " + name,
        area,
        null,
        ForumKind.NETWORK,
        null,
        convener,
        Scope.REGIONAL,
        new CountRange(2, 4),
        MeetingMode.MIXED);
  }

  public static AnnualFeeSet fee(String id, int fromYear, Integer toYear, String amount) {
    return new AnnualFeeSet(
        id,
        fromYear,
        toYear,
        CostStatus.AMOUNT,
        new BigDecimal(amount),
        "SEK",
        null,
        null,
        FeeBasis.FIXED,
        null,
        null,
        null,
        null,
        false);
  }

  public static AnnualFeeSet correctedFee(String id, int fromYear, Integer toYear, String amount) {
    return new AnnualFeeSet(
        id,
        fromYear,
        toYear,
        CostStatus.AMOUNT,
        new BigDecimal(amount),
        "SEK",
        null,
        null,
        FeeBasis.FIXED,
        null,
        null,
        null,
        null,
        true);
  }

  public static AnnualFeeSet feeStatus(String id, int fromYear, Integer toYear, CostStatus status) {
    return new AnnualFeeSet(
        id,
        fromYear,
        toYear,
        status,
        null,
        null,
        null,
        null,
        FeeBasis.FIXED,
        null,
        null,
        null,
        status == CostStatus.REPORTED_UNDER ? "2.14.6" : null,
        false);
  }

  public static AnnualFeeWithdrawn feeWithdrawn(String id, int fromYear) {
    return new AnnualFeeWithdrawn(id, fromYear);
  }

  public static OtherCostRecorded otherCost(String id, int year, String amount) {
    return new OtherCostRecorded(
        id,
        year,
        CostStatus.AMOUNT,
        List.of(new CostLine(CostCategory.STAFF_TIME, new BigDecimal(amount), null, null)),
        new BigDecimal(amount),
        null,
        false);
  }

  public static OtherCostRecorded otherCostStatus(String id, int year, CostStatus status) {
    return new OtherCostRecorded(
        id,
        year,
        status,
        List.of(),
        null,
        status == CostStatus.REPORTED_UNDER ? "2.14.6" : null,
        false);
  }

  public static ForumStatusChanged status(String id, ForumStatus status, String from) {
    return new ForumStatusChanged(id, status, LocalDate.parse(from));
  }

  public static ForumReclassified reclassified(String id, String area) {
    return new ForumReclassified(id, area, null, ForumKind.COLLABORATION, "styrgrupp");
  }

  public static RepresentativeAppointed appointed(
      String id, String appointmentId, String person, Body body, String from, String to) {
    return new RepresentativeAppointed(
        id,
        appointmentId,
        person,
        body,
        Role.LEDAMOT,
        LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to));
  }

  public static AppointmentEnded ended(String id, String appointmentId, String on) {
    return new AppointmentEnded(id, appointmentId, LocalDate.parse(on));
  }

  public static HeadcountRecorded headcount(
      String id, int year, Body body, int min, int max, String asWritten) {
    return new HeadcountRecorded(id, year, body, new CountRange(min, max), asWritten);
  }
}
