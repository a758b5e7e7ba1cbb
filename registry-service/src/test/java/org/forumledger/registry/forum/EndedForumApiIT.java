package org.forumledger.registry.forum;

import static org.assertj.core.api.Assertions.assertThat;

import org.forumledger.registry.RegistryTestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 13 over HTTP against the real database: an ended forum refuses facts that begin after its
 * end with a 422 whose detail names the rule and the field; it takes corrections of what was true
 * while it existed and its reopening, each with a reason and a decision, and nothing without one.
 */
class EndedForumApiIT {

  static final String FORUM =
      """
      {"name": "Ended by mistake", "area": "Test", "kind": "NETWORK",
       "effectiveDate": "2019-01-01", "reason": "Inventory", "decisionReference": "SLK-2019-1"}
      """;
  static final String DECIDED =
      "\"effectiveDate\": \"2024-03-20\", \"reason\": \"Correction\", \"decisionReference\":"
          + " \"KS 2024-03-20 § 210\"";
  static final String UNDECIDED = "\"effectiveDate\": \"2024-03-20\", \"reason\": \"Correction\"";

  static RegistryTestStack stack;
  static WebTestClient registrar;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() {
    stack = RegistryTestStack.start();
    registrar = stack.registrar();
    jdbc = stack.context().getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void aForumEndedByMistakeTakesAnEarlierCostAndIsReopenedEachWithItsDecision() {
    String forumId = endedForum();
    long before = storedEvents(forumId);

    put("/forums/{id}/other-costs/2023", forumId, otherCost(UNDECIDED))
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("decisionReference");
    put("/forums/{id}/status", forumId, "{\"status\": \"ACTIVE\", " + UNDECIDED + "}")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("decisionReference");
    assertThat(storedEvents(forumId)).isEqualTo(before);

    put("/forums/{id}/other-costs/2023", forumId, otherCost(DECIDED)).expectStatus().isOk();
    put("/forums/{id}/status", forumId, "{\"status\": \"ACTIVE\", " + DECIDED + "}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("ACTIVE");
    put(
            "/forums/{id}/fees/2025",
            forumId,
            "{\"status\": \"AMOUNT\", \"amount\": 100, " + UNDECIDED + "}")
        .expectStatus()
        .isOk();

    assertThat(storedEvents(forumId)).isEqualTo(before + 3);
    assertThat(
            jdbc.queryForList(
                "select convert_from(meta_data, 'UTF8') from domain_event_entry"
                    + " where aggregate_identifier = ? and sequence_number in (?, ?)"
                    + " order by sequence_number",
                String.class,
                forumId,
                before,
                before + 1))
        .allSatisfy(
            metadata ->
                assertThat(metadata).contains("Correction").contains("KS 2024-03-20 § 210"));
  }

  @Test
  void aFactAfterTheEndIs422AndTheDetailNamesTheRuleAndTheField() {
    String forumId = endedForum();
    long before = storedEvents(forumId);

    put(
            "/forums/{id}/fees/2025",
            forumId,
            "{\"status\": \"AMOUNT\", \"amount\": 100, " + DECIDED + "}")
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            detail ->
                assertThat((String) detail)
                    .startsWith("fromYear 2025 begins after the forum's end on 2024-12-31")
                    .contains("an ended forum takes no fact that begins after its end")
                    .contains("reopen it first"))
        .jsonPath("$.errors[0].field")
        .isEqualTo("fromYear");
    assertThat(storedEvents(forumId)).isEqualTo(before);
  }

  private static String endedForum() {
    EntityExchangeResult<byte[]> result =
        registrar
            .post()
            .uri("/forums")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(FORUM)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult();
    String location = result.getResponseHeaders().getLocation().toString();
    String forumId = location.substring(location.lastIndexOf('/') + 1);
    put(
            "/forums/{id}/status",
            forumId,
            "{\"status\": \"ENDED\", \"effectiveDate\": \"2024-12-31\", \"reason\": \"Left\"}")
        .expectStatus()
        .isOk();
    return forumId;
  }

  private static String otherCost(String provenance) {
    return "{\"status\": \"AMOUNT\", \"lines\": [{\"category\": \"STAFF_TIME\", \"amountSek\": 7000}], "
        + provenance
        + "}";
  }

  private static WebTestClient.ResponseSpec put(String uri, String forumId, String body) {
    return registrar
        .put()
        .uri(uri, forumId)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private static long storedEvents(String forumId) {
    return jdbc.queryForObject(
        "select count(*) from domain_event_entry where aggregate_identifier = ?",
        Long.class,
        forumId);
  }
}
