package org.forumledger.reporting.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.forumledger.events.EventJson;
import org.forumledger.reporting.audit.AuditEntry;
import org.forumledger.reporting.audit.AuditLog;
import org.forumledger.reporting.audit.AuditQuery;
import org.forumledger.reporting.audit.AuditVerification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The audit history and its verification; for auditors only (see the security configuration). */
@RestController
public class AuditController {

  private final AuditLog audit;

  public AuditController(AuditLog audit) {
    this.audit = audit;
  }

  public record Entry(
      long seq,
      String eventId,
      String forumId,
      String eventType,
      int eventVersion,
      long globalPosition,
      Instant recordedAt,
      LocalDate effectiveDate,
      String actor,
      String reason,
      String decisionReference,
      String correlationId,
      Map<String, Object> payload,
      String prevHash,
      String hash) {}

  @GetMapping("/audit")
  public Mono<List<Entry>> entries(
      @RequestParam(required = false) String forumId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String limit) {
    AuditQuery query =
        new AuditQuery(
            blankToNull(forumId),
            blankToNull(actor),
            Params.instantOrDate("from", from, false),
            Params.instantOrDate("to", to, true),
            limit(limit));
    return Mono.fromCallable(() -> audit.find(query).stream().map(AuditController::entry).toList())
        .subscribeOn(Schedulers.boundedElastic());
  }

  @GetMapping("/audit/verify")
  public Mono<AuditVerification> verify() {
    return Mono.fromCallable(audit::verify).subscribeOn(Schedulers.boundedElastic());
  }

  private static Entry entry(AuditEntry e) {
    Map<String, Object> payload;
    try {
      payload = EventJson.mapper().readValue(e.payload(), new TypeReference<>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      payload = Map.of("unreadable", e.payload());
    }
    return new Entry(
        e.seq(),
        e.eventId(),
        e.forumId(),
        e.eventType(),
        e.eventVersion(),
        e.globalPosition(),
        e.recordedAt(),
        e.effectiveDate(),
        e.actor(),
        e.reason(),
        e.decisionReference(),
        e.correlationId(),
        payload,
        e.prevHash(),
        e.hash());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return 1000;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit < 1 || limit > 10000) {
        throw new InvalidParameterException("limit", "limit must be between 1 and 10000");
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("limit", "limit must be a whole number");
    }
  }
}
