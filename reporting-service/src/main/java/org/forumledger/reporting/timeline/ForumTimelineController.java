package org.forumledger.reporting.timeline;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.reporting.api.ForumNotFoundException;
import org.forumledger.reporting.store.EventLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One forum's history for every reader: who recorded what, when, why and on which decision, in the
 * order the ledger recorded it. It is the register's own public record of a forum, read from the
 * event log; the hash chain and the whole register's history stay the auditor's ({@code /audit}).
 */
@RestController
class ForumTimelineController {

  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

  private final EventLog log;

  ForumTimelineController(EventLog log) {
    this.log = log;
  }

  /** One event of a forum's history; {@code payload} is the event's own facts. */
  record Step(
      long sequenceNumber,
      String eventType,
      int eventVersion,
      long globalPosition,
      Instant recordedAt,
      LocalDate effectiveDate,
      String actor,
      String reason,
      String decisionReference,
      Map<String, Object> payload) {

    static Step of(EventEnvelope event) {
      EventMetadata m = event.metadata();
      return new Step(
          m.sequenceNumber(),
          m.eventType(),
          m.eventVersion(),
          m.globalPosition(),
          m.recordedAt(),
          m.effectiveDate(),
          m.actor(),
          m.reason(),
          m.decisionReference(),
          EventJson.mapper().convertValue(event.payload(), FIELDS));
    }
  }

  @GetMapping("/forums/{forumId}/history")
  Mono<List<Step>> history(@PathVariable String forumId) {
    return Mono.fromCallable(
            () -> {
              List<Step> steps = log.ofForum(forumId).stream().map(Step::of).toList();
              if (steps.isEmpty()) {
                throw new ForumNotFoundException(forumId);
              }
              return steps;
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
