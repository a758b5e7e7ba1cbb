package org.forumledger.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AuditCanonicalTest {

  private static AuditEntry entry(String actor, String reason, String payload) {
    return new AuditEntry(
        1,
        "e1",
        "f1",
        "forum.AnnualFeeSet",
        1,
        7,
        Instant.parse("2024-02-26T09:15:00Z"),
        LocalDate.parse("2023-01-01"),
        actor,
        reason,
        "KS 2023-11-22 § 841",
        "c1",
        payload,
        null,
        null,
        null);
  }

  @Test
  void theHashIsStableAndCoversEveryFieldAndThePredecessor() {
    String hash = AuditCanonical.hash(entry("registrar", "r", "{\"a\":1}"), AuditCanonical.GENESIS);
    assertThat(hash)
        .hasSize(64)
        .isEqualTo(
            AuditCanonical.hash(entry("registrar", "r", "{\"a\":1}"), AuditCanonical.GENESIS));
    assertThat(AuditCanonical.hash(entry("mallory", "r", "{\"a\":1}"), AuditCanonical.GENESIS))
        .isNotEqualTo(hash);
    assertThat(AuditCanonical.hash(entry("registrar", "r", "{\"a\":2}"), AuditCanonical.GENESIS))
        .isNotEqualTo(hash);
    assertThat(AuditCanonical.hash(entry("registrar", "r", "{\"a\":1}"), hash)).isNotEqualTo(hash);
  }

  @Test
  void lengthPrefixesKeepFieldBoundariesUnambiguous() {
    assertThat(AuditCanonical.hash(entry("ab", "c", "{}"), AuditCanonical.GENESIS))
        .isNotEqualTo(AuditCanonical.hash(entry("a", "bc", "{}"), AuditCanonical.GENESIS));
    assertThat(AuditCanonical.hash(entry(null, "r", "{}"), AuditCanonical.GENESIS))
        .isNotEqualTo(AuditCanonical.hash(entry("-", "r", "{}"), AuditCanonical.GENESIS));
  }
}
