package org.forumledger.reporting.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the audit history as stored; {@code payload} is the event's JSON as hashed. {@code
 * registrySeal} is null for an entry made before the registry sealed its events.
 */
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
    String hash,
    RegistrySeal registrySeal) {

  /**
   * The registry's seal as the entry keeps it, with {@code sealedValue}: the record as received.
   */
  public record RegistrySeal(
      long chainSequence, String hash, String keyId, String signature, String sealedValue) {}
}
