package org.forumledger.cost.projection;

import java.time.Instant;
import java.time.LocalDate;

/** The event a fact came from: what an {@code explain} answer cites. */
public record Provenance(
    String eventId,
    String eventType,
    long globalPosition,
    Instant recordedAt,
    LocalDate effectiveDate,
    String decisionReference) {}
