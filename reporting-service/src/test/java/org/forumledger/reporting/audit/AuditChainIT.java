package org.forumledger.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.testing.EventStream;
import org.forumledger.reporting.support.Fixture;
import org.forumledger.reporting.support.ReportingStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * The audit history is complete, filterable, append-only, and a row altered directly in the
 * database is found by verify at exactly that entry.
 */
class AuditChainIT {

  private static ReportingStack stack;
  private static List<EventEnvelope> inventory;

  @BeforeAll
  static void start() {
    stack = ReportingStack.start();
    EventStream events = new EventStream(1);
    inventory = new ArrayList<>(Fixture.inventory2023(events));
    inventory.add(
        events.envelope(
            forum("string")
                .fee(2023)
                .amount("17500")
                .correction()
                .by("controller")
                .because("Exchange rate corrected"),
            "2024-04-02T10:00:00Z",
            "2023-01-01"));
    stack.publishAll(inventory);
    inventory.forEach(e -> stack.awaitHandled(e.metadata().eventId()));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void historyCarriesProvenanceAndFilters() {
    JsonNode string = stack.asAuditor("/audit?forumId=string");
    assertThat(string).hasSize(6);
    JsonNode correction = string.get(5);
    assertThat(correction.get("actor").asText()).isEqualTo("controller");
    assertThat(correction.get("reason").asText()).isEqualTo("Exchange rate corrected");
    assertThat(correction.get("decisionReference").asText()).isEqualTo("KS 2023-11-22 § 841");
    assertThat(correction.get("correlationId").asText()).isEqualTo("corr-string");
    assertThat(correction.get("effectiveDate").asText()).isEqualTo("2023-01-01");
    assertThat(correction.get("recordedAt").asText()).isEqualTo("2024-04-02T10:00:00Z");
    assertThat(correction.get("payload").get("amountSek").decimalValue())
        .isEqualByComparingTo("17500");
    assertThat(correction.get("prevHash").asText()).isNotEqualTo(correction.get("hash").asText());

    assertThat(stack.asAuditor("/audit?actor=controller")).hasSize(1);
    assertThat(stack.asAuditor("/audit?from=2024-04-01&to=2024-04-30")).hasSize(1);
    assertThat(stack.asAuditor("/audit?to=2024-02-26T09:15:00Z")).hasSize(16);
  }

  @Test
  void theChainIsAppendOnlyAndATamperedRowIsFound() {
    JsonNode intact = stack.asAuditor("/audit/verify");
    assertThat(intact.get("intact").asBoolean()).isTrue();
    assertThat(intact.get("entryCount").asLong()).isEqualTo(inventory.size());
    String head =
        stack.jdbc.queryForObject(
            "select hash from audit_entry order by seq desc limit 1", String.class);
    assertThat(intact.get("headHash").asText()).isEqualTo(head).hasSize(64);

    assertThatThrownBy(
            () -> stack.jdbc.update("update audit_entry set actor = 'mallory' where seq = 5"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> stack.jdbc.update("delete from audit_entry where seq = 5"))
        .isInstanceOf(DataAccessException.class);

    long target =
        stack.jdbc.queryForObject(
            "select seq from audit_entry order by seq offset 4 limit 1", Long.class);
    String eventId =
        stack.jdbc.queryForObject(
            "select event_id from audit_entry where seq = ?", String.class, target);
    stack.jdbc.execute("alter table audit_entry disable trigger audit_entry_append_only");
    try {
      stack.jdbc.update("update audit_entry set actor = 'mallory' where seq = ?", target);
    } finally {
      stack.jdbc.execute("alter table audit_entry enable trigger audit_entry_append_only");
    }

    JsonNode broken = stack.asAuditor("/audit/verify");
    assertThat(broken.get("intact").asBoolean()).isFalse();
    assertThat(broken.get("entryCount").asLong()).isEqualTo(inventory.size());
    assertThat(broken.get("firstBroken").get("seq").asLong()).isEqualTo(target);
    assertThat(broken.get("firstBroken").get("eventId").asText()).isEqualTo(eventId);
    assertThat(broken.get("firstBroken").get("problem").asText()).contains("content");
  }
}
