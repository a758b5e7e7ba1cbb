package org.forumledger.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.EventSeal;
import org.forumledger.events.seal.Seals;
import org.forumledger.events.testing.EventStream;
import org.forumledger.events.testing.TestKeys;
import org.forumledger.reporting.support.Fixture;
import org.forumledger.reporting.support.ReportingStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;

/**
 * The audit history keeps each record as the registry sealed it, exports it for checking without
 * our servers, and verify finds a row an insider rewrote together with every hash after it.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class SealedAuditIT {

  private static ReportingStack stack;
  private static List<EventEnvelope> inventory;

  @BeforeAll
  static void start() {
    stack = ReportingStack.start();
    inventory = Fixture.inventory2023(new EventStream(1));
    stack.publishAll(inventory);
    inventory.forEach(e -> stack.awaitHandled(e.metadata().eventId()));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void everyEntryKeepsTheRegistrysSealAndVerifyFollowsTheRegistrysChainToItsHead() {
    JsonNode entries = stack.asAuditor("/audit?limit=10000");
    assertThat(entries).hasSize(inventory.size());
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).get("chainSequence").asLong()).isEqualTo(i + 1);
      assertThat(entries.get(i).get("keyId").asText()).isEqualTo(TestKeys.REGISTRY.keyId());
      assertThat(entries.get(i).get("signature").asText()).isNotBlank();
    }

    JsonNode verified = stack.asAuditor("/audit/verify");
    assertThat(verified.get("intact").asBoolean()).isTrue();
    assertThat(verified.get("sealedEntries").asLong()).isEqualTo(inventory.size());
    assertThat(verified.get("registryHead").get("chainSequence").asLong())
        .isEqualTo(stack.registry.head().sequence());
    assertThat(verified.get("registryHead").get("hash").asText())
        .isEqualTo(stack.registry.head().hash());
  }

  @Test
  void theExportIsTheRecordsAsSealedInChainOrderWholeOrARange() {
    List<String> all = exported("/audit/export");
    assertThat(all).hasSize(inventory.size());
    ChainLink link = ChainLink.START;
    for (int i = 0; i < all.size(); i++) {
      byte[] line = all.get(i).getBytes(StandardCharsets.UTF_8);
      EventSeal seal = Seals.verify(line, TestKeys.ring());
      assertThat(link.step(seal)).isEqualTo(ChainLink.Step.NEXT);
      link = seal.link();
      assertThat(EventJson.read(line).orElseThrow().metadata().eventId())
          .isEqualTo(inventory.get(i).metadata().eventId());
    }

    List<String> range = exported("/audit/export?from=3&to=5");
    assertThat(range).containsExactlyElementsOf(all.subList(2, 5));
  }

  @Test
  void aRowRewrittenWithEveryHashAfterItIsStillFoundForTheRegistryNeverSignedIt() {
    AuditLog audit = stack.app.getBean(AuditLog.class);
    List<AuditEntry> entries = audit.find(new AuditQuery(null, null, null, null, 10_000));
    AuditEntry target = entries.get(6);
    List<AuditEntry> rewritten = entries.subList(6, entries.size());
    try {
      String prevHash = target.prevHash();
      for (AuditEntry entry : rewritten) {
        String actor = entry == target ? "mallory" : entry.actor();
        String hash = AuditCanonical.hash(withActor(entry, actor), prevHash);
        rewrite(entry.seq(), actor, prevHash, hash);
        prevHash = hash;
      }

      JsonNode broken = stack.asAuditor("/audit/verify");

      assertThat(broken.get("intact").asBoolean()).isFalse();
      assertThat(broken.get("firstBroken").get("seq").asLong()).isEqualTo(target.seq());
      assertThat(broken.get("firstBroken").get("problem").asText())
          .isEqualTo("content differs from what the registry signed");
    } finally {
      // the other tests read these rows: put them back as they were
      for (AuditEntry entry : rewritten) {
        rewrite(entry.seq(), entry.actor(), entry.prevHash(), entry.hash());
      }
    }
    assertThat(stack.asAuditor("/audit/verify").get("intact").asBoolean()).isTrue();
  }

  /** An insider's update, past the trigger that keeps the table append-only. */
  private static void rewrite(long seq, String actor, String prevHash, String hash) {
    stack.jdbc.execute("alter table audit_entry disable trigger audit_entry_append_only");
    try {
      stack.jdbc.update(
          "update audit_entry set actor = ?, prev_hash = ?, hash = ? where seq = ?",
          actor,
          prevHash,
          hash,
          seq);
    } finally {
      stack.jdbc.execute("alter table audit_entry enable trigger audit_entry_append_only");
    }
  }

  private static AuditEntry withActor(AuditEntry e, String actor) {
    return new AuditEntry(
        e.seq(),
        e.eventId(),
        e.forumId(),
        e.eventType(),
        e.eventVersion(),
        e.globalPosition(),
        e.recordedAt(),
        e.effectiveDate(),
        actor,
        e.reason(),
        e.decisionReference(),
        e.correlationId(),
        e.payload(),
        e.prevHash(),
        e.hash(),
        e.registrySeal());
  }

  private static List<String> exported(String uri) {
    String body =
        stack
            .http
            .get()
            .uri(uri)
            .headers(h -> h.setBasicAuth("auditor", ReportingStack.AUDITOR))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.parseMediaType("application/x-ndjson"))
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    return body == null ? List.of() : body.lines().toList();
  }
}
