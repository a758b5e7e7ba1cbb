package org.forumledger.reporting.audit;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of the audit history as stored; {@code payload} is the event's JSON as hashed. */
public record AuditEntry(
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
    String payload,
    String prevHash,
    String hash) {}
