package org.forumledger.web.forums;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.forumledger.web.audit.AuditEntry;

/** One step of a forum's history as the reporting service tells every reader. */
public record HistoryEntry(
    long sequenceNumber,
    String eventType,
    Instant recordedAt,
    LocalDate effectiveDate,
    String actor,
    String reason,
    String decisionReference,
    Map<String, Object> payload) {

  public HistoryEntry {
    payload = payload == null ? Map.of() : payload;
  }

  public String kind() {
    return AuditEntry.kind(eventType);
  }

  public String summary() {
    return AuditEntry.summary(payload);
  }
}
