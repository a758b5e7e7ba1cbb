package org.forumledger.reporting.audit;

import java.time.Instant;

/** Filters of {@code GET /audit}; null means no filter. Times are recorded times, inclusive. */
public record AuditQuery(String forumId, String actor, Instant from, Instant to, int limit) {}
