package org.forumledger.reporting.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.EventJson;
import org.forumledger.events.ForumStatus;
import org.forumledger.reporting.audit.AuditEntry;
import org.forumledger.reporting.audit.AuditLog;
import org.forumledger.reporting.history.Changes;
import org.forumledger.reporting.history.Changes.StatusStep;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.query.RegistryQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Changes between two dates, or between two mandate periods (compared at each period's last day,
 * e.g. {@code fromPeriod=2019-2022&toPeriod=2023-2026}), as known at {@code knownAt} (default now).
 */
@RestController
public class ChangesController {

  private final RegistryQueries queries;
  private final AuditLog audit;

  public ChangesController(RegistryQueries queries, AuditLog audit) {
    this.queries = queries;
    this.audit = audit;
  }

  @GetMapping("/reports/changes")
  public Mono<Changes> changes(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String fromPeriod,
      @RequestParam(required = false) String toPeriod,
      @RequestParam(required = false) String knownAt) {
    LocalDate start =
        fromPeriod != null ? periodEnd("fromPeriod", fromPeriod) : Params.date("from", from);
    LocalDate end = toPeriod != null ? periodEnd("toPeriod", toPeriod) : Params.date("to", to);
    if (start == null || end == null) {
      throw new InvalidParameterException(
          start == null ? "from" : "to", "give from and to (dates) or fromPeriod and toPeriod");
    }
    if (!start.isBefore(end)) {
      throw new RuleViolationException("from (" + start + ") must be before to (" + end + ")");
    }
    var known = Params.instant("knownAt", knownAt);
    return Mono.fromCallable(
            () ->
                Changes.between(
                    start,
                    end,
                    queries.asMap(new TimeSlice(start, known)),
                    queries.asMap(new TimeSlice(end, known)),
                    statusSteps(known)))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private List<StatusStep> statusSteps(Instant knownAt) {
    return audit.statusChanges(knownAt).stream().map(ChangesController::step).toList();
  }

  private static StatusStep step(AuditEntry entry) {
    JsonNode payload;
    try {
      payload = EventJson.mapper().readTree(entry.payload());
    } catch (JacksonException e) {
      throw new IllegalStateException("Unreadable status change " + entry.eventId(), e);
    }
    JsonNode from = payload.get("effectiveFrom");
    return new StatusStep(
        entry.forumId(),
        ForumStatus.valueOf(payload.get("status").asText()),
        from == null || from.isNull() ? entry.effectiveDate() : LocalDate.parse(from.asText()),
        entry.recordedAt(),
        entry.actor(),
        entry.reason(),
        entry.decisionReference());
  }

  /** A mandate period written {@code 2023-2026}: four budget years from a start year. */
  static LocalDate periodEnd(String name, String value) {
    String[] years = value.trim().split("-");
    try {
      if (years.length == 0 || years.length > 2) {
        throw new NumberFormatException(value);
      }
      int first = Integer.parseInt(years[0]);
      if (!org.forumledger.events.LedgerCalendar.accepts(first)) {
        throw new NumberFormatException(value);
      }
      int last = years.length > 1 ? Integer.parseInt(years[1]) : first + 3;
      if (years.length > 2 || last != first + 3 || Math.floorMod(first - 2019, 4) != 0) {
        throw new InvalidParameterException(
            name, name + " must be a mandate period like 2023-2026");
      }
      return LocalDate.of(last, 12, 31);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, name + " must be a mandate period like 2023-2026");
    }
  }
}
