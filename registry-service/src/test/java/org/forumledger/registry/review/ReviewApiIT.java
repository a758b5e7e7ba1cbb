package org.forumledger.registry.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.forumledger.registry.RegistryTestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Units, council goals and a review round through the registry's API, against the real database and
 * broker: status codes, ETags, that a refusal writes nothing, the scope the registry finds, the
 * close refused with exactly what is missing, a decision to leave with the units remaining, and
 * every event in the store with its actor.
 */
class ReviewApiIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String FORUM =
      """
      {"inventoryReference": "2.2.10", "name": "STRING", "area": "Stadsutveckling",
       "kind": "NETWORK", "effectiveDate": "2023-01-01",
       "reason": "Inventory 2023", "decisionReference": "SLK-2023-01081"}
      """;
  static final String WHY = "\"effectiveDate\": \"2023-01-01\", \"reason\": \"Inventory 2023\"";

  static RegistryTestStack stack;
  static WebTestClient registrar;
  static WebTestClient viewer;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() {
    stack = RegistryTestStack.start();
    registrar = stack.registrar();
    viewer = stack.client("viewer", RegistryTestStack.VIEWER_PASSWORD);
    jdbc = stack.context().getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  record Answer(int status, String etag, String location, JsonNode body, String contentType) {}

  static Answer send(String method, String uri, String body, String ifMatch) {
    WebTestClient.RequestBodySpec spec =
        switch (method) {
          case "POST" -> registrar.post().uri(uri);
          default -> registrar.put().uri(uri);
        };
    if (ifMatch != null) {
      spec = spec.header("If-Match", ifMatch);
    }
    var result =
        spec.contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectBody()
            .returnResult();
    return answer(result);
  }

  static Answer get(String uri) {
    return answer(viewer.get().uri(uri).exchange().expectBody().returnResult());
  }

  static Answer answer(
      org.springframework.test.web.reactive.server.EntityExchangeResult<byte[]> r) {
    try {
      byte[] bytes = r.getResponseBody();
      return new Answer(
          r.getStatus().value(),
          r.getResponseHeaders().getETag(),
          r.getResponseHeaders().getLocation() == null
              ? null
              : r.getResponseHeaders().getLocation().toString(),
          bytes == null || bytes.length == 0 ? null : JSON.readTree(bytes),
          String.valueOf(r.getResponseHeaders().getContentType()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void assertProblem(Answer answer, int status) {
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body().path("status").asInt()).isEqualTo(status);
  }

  static String unit(String name, String kind) {
    return "{\"name\": \""
        + name
        + "\", \"kind\": \""
        + kind
        + "\", \"source\": {\"document\":"
        + " \"SLK-2023-01081\", \"phrase\": \""
        + name
        + "\"}}";
  }

  static String goal(String period, String title) {
    return "{\"period\": \"" + period + "\", \"title\": \"" + title + "\"}";
  }

  @Test
  void unitsAreRegisteredRevisedWithIfMatchAndRefusedWhenStaleOrUnknown() {
    Answer created = send("PUT", "/units/MKN", unit("miljö- och klimatnämnden", "COMMITTEE"), null);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.location()).isEqualTo("/units/MKN");
    assertThat(created.etag()).isEqualTo("\"0\"");
    assertThat(created.body().path("source").path("phrase").asText())
        .isEqualTo("miljö- och klimatnämnden");
    long events = stack.storedEvents();

    Answer again = send("PUT", "/units/MKN", unit("miljö- och klimatnämnden", "COMMITTEE"), null);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.etag()).isEqualTo("\"0\"");
    assertThat(stack.storedEvents()).as("the same unit again writes nothing").isEqualTo(events);

    assertProblem(send("PUT", "/units/MKN", unit("Miljönämnden", "COMMITTEE"), null), 412);
    Answer revised = send("PUT", "/units/MKN", unit("Miljönämnden", "COMMITTEE"), "\"0\"");
    assertThat(revised.status()).isEqualTo(200);
    assertThat(revised.etag()).isEqualTo("\"1\"");
    assertThat(revised.body().path("name").asText()).isEqualTo("Miljönämnden");
    assertProblem(send("PUT", "/units/MKN", unit("x", "COMMITTEE"), "\"0\""), 412);
    assertProblem(
        send(
            "PUT",
            "/units/ABC",
            "{\"name\": \"x\", \"kind\": \"COMMITTEE\", \"partOf\": \"NOPE\"}",
            null),
        422);
    assertProblem(send("PUT", "/units/ABC", unit("x", "AGENCY"), null), 400);
    assertProblem(send("PUT", "/units/abc", unit("x", "COMMITTEE"), null), 400);
    assertThat(stack.storedEvents()).isEqualTo(events + 1);

    Answer read = get("/units/MKN");
    assertThat(read.etag()).isEqualTo("\"1\"");
    assertThat(get("/units").body().findValuesAsText("unit")).contains("MKN");
    assertProblem(get("/units/NOPE"), 404);
  }

  @Test
  void goalsAreRegisteredRevisedAndTheirPeriodNeverChanges() {
    Answer created =
        send("PUT", "/goals/kompetens-it", goal("2023-2026", "Kompetensförsörjning"), null);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.location()).isEqualTo("/goals/kompetens-it");
    assertThat(created.body().path("period").asText()).isEqualTo("2023-2026");
    assertProblem(
        send("PUT", "/goals/kompetens-it", goal("2027-2030", "Kompetensförsörjning"), "\"0\""),
        422);
    assertProblem(send("PUT", "/goals/kompetens-it", goal("2023-2026", "Ny titel"), "\"7\""), 412);
    Answer revised = send("PUT", "/goals/kompetens-it", goal("2023-2026", "Ny titel"), "\"0\"");
    assertThat(revised.status()).isEqualTo(200);
    assertThat(revised.etag()).isEqualTo("\"1\"");
    Answer budgeted =
        send(
            "PUT",
            "/goals/kompetens-it",
            "{\"period\": \"2023-2026\", \"title\": \"Ny titel\","
                + " \"budgetReference\": \"KF 2022-11-24 § 4 (test)\"}",
            "\"1\"");
    assertThat(budgeted.status()).as(String.valueOf(budgeted.body())).isEqualTo(200);
    assertThat(budgeted.body().path("budgetReference").asText())
        .isEqualTo("KF 2022-11-24 § 4 (test)");
    assertThat(get("/goals/kompetens-it").body().path("budgetReference").asText())
        .isEqualTo("KF 2022-11-24 § 4 (test)");
    assertProblem(send("PUT", "/goals/kompetens-it", goal("2023", "x"), null), 400);
    assertThat(get("/goals?period=2023-2026").body().findValuesAsText("goalId"))
        .contains("kompetens-it");
    assertThat(get("/goals?period=2027-2030").body()).isEmpty();
    assertProblem(get("/goals/nope"), 404);
  }

  @Test
  void aForumWriteNamingAnUnknownUnitOrGoalIsRefusedAndWritesNothing() {
    String forumId = stack.register(FORUM);
    long events = stack.storedEvents();

    assertProblem(
        send(
            "POST",
            "/forums/" + forumId + "/representatives",
            "{\"personName\": \"Eva\", \"body\": \"XYZ\", \"role\": \"LEDAMOT\","
                + " \"validFrom\": \"2023-01-01\", "
                + WHY
                + "}",
            null),
        422);
    assertProblem(
        send(
            "PUT",
            "/forums/" + forumId + "/headcounts/2023/XYZ",
            "{\"headcount\": {\"min\": 1, \"max\": 1}, " + WHY + "}",
            null),
        422);
    Answer unknownGoal =
        send(
            "PUT",
            "/forums/" + forumId + "/goals/KS",
            "{\"goalIds\": [\"no-such-goal\"], \"benefitForResidents\": \"x\"}",
            null);
    assertProblem(unknownGoal, 422);
    assertThat(unknownGoal.body().path("errors").get(0).path("field").asText())
        .isEqualTo("goalIds[0]");
    assertThat(stack.storedEvents()).as("a refusal writes nothing").isEqualTo(events);
  }

  @Test
  void aReviewRoundIsOpenedAssessedRefusedToCloseWhileIncompleteClosedAndDecided() {
    long before = stack.storedEvents();
    send("PUT", "/units/SMN", unit("stadsmiljönämnden", "COMMITTEE"), null);
    send("PUT", "/units/KUF", unit("kulturförvaltningen", "ADMINISTRATION"), null);
    send("PUT", "/goals/social-it", goal("2023-2026", "Social hållbarhet"), null);
    // 2023-like: KS and SLK counted, as the inventory records them; KUF appointed; SMN linked
    String f1 = stack.register(FORUM);
    headcount(f1, "KS");
    headcount(f1, "SLK");
    assertThat(
            send(
                    "POST",
                    "/forums/" + f1 + "/representatives",
                    "{\"personName\": \"Eva\", \"body\": \"KUF\", \"role\": \"TJANSTEPERSON\","
                        + " \"validFrom\": \"2024-01-01\", "
                        + WHY
                        + "}",
                    null)
                .status())
        .isEqualTo(201);
    String f2 = stack.register(FORUM);
    headcount(f2, "SLK");
    Answer linked =
        send(
            "PUT",
            "/forums/" + f2 + "/goals/SMN",
            "{\"goalIds\": [\"social-it\"], \"benefitForResidents\": \"Tryggare stadsmiljö\"}",
            null);
    assertThat(linked.status()).as(String.valueOf(linked.body())).isEqualTo(200);
    assertThat(linked.body().path("goals").get(0).path("body").asText()).isEqualTo("SMN");
    assertThat(linked.body().path("goals").get(0).path("goalIds").toString())
        .isEqualTo("[\"social-it\"]");
    assertThat(linked.body().path("goals").get(0).path("benefitForResidents").asText())
        .isEqualTo("Tryggare stadsmiljö");
    String ended = stack.register(FORUM);
    headcount(ended, "KS");
    send(
        "PUT",
        "/forums/" + ended + "/status",
        "{\"status\": \"ENDED\", \"effectiveDate\": \"2022-06-30\", \"reason\": \"Ended\","
            + " \"decisionReference\": \"KS 2022-06-01 § 1\"}",
        null);

    Answer opened =
        send(
            "POST",
            "/reviews",
            "{\"reviewId\": \"oversyn-it\", \"title\": \"Översyn av externa nätverk\","
                + " \"period\": \"2023-2026\", \"decisionReference\": \"KS 2024-04-17 § 312\","
                + " \"openedOn\": \"2024-05-02\"}",
            null);
    assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(201);
    assertThat(opened.location()).isEqualTo("/reviews/oversyn-it");
    assertThat(opened.body().path("status").asText()).isEqualTo("OPEN");
    List<String> expectedScope = new ArrayList<>();
    for (String[] p :
        List.of(
            new String[] {f1, "KS"},
            new String[] {f1, "KUF"},
            new String[] {f1, "SLK"},
            new String[] {f2, "SLK"},
            new String[] {f2, "SMN"})) {
      expectedScope.add(p[0] + "/" + p[1]);
    }
    expectedScope.sort(Comparator.naturalOrder());
    assertThat(refs(opened.body().path("scope")))
        .as("every unit taking part in 2023-2026, the forum ended in 2022 left out")
        .isEqualTo(expectedScope);

    String etag = opened.etag();
    Answer first = assess(f1, "KS", "CONTINUE", null, etag);
    assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
    assertProblem(assess(f2, "SLK", "CONTINUE", null, etag), 412);
    Answer second = assess(f2, "SLK", "CONTINUE", null, first.etag());
    assertThat(second.status()).isEqualTo(200);
    assertProblem(assess(ended, "KS", "CONTINUE", null, null), 404);
    assertProblem(assess(f1, "SLK", "LEAVE", null, null), 422);
    assertProblem(
        send("PUT", "/reviews/nope/assessments/" + f1 + "/KS", assessment("CONTINUE", null), null),
        404);

    long beforeClose = stack.storedEvents();
    Answer refused =
        send("POST", "/reviews/oversyn-it/close", "{\"closedOn\": \"2024-11-30\"}", null);
    assertProblem(refused, 422);
    List<String> missing = new ArrayList<>(expectedScope);
    missing.removeAll(List.of(f1 + "/KS", f2 + "/SLK"));
    assertThat(refs(refused.body().path("missing"))).isEqualTo(missing);
    assertThat(stack.storedEvents()).isEqualTo(beforeClose);
    assertThat(refs(get("/reviews/oversyn-it").body().path("missing"))).isEqualTo(missing);

    // the other kinds of judgement and recommendation, through the API: uncertain, coordinate
    // with a unit; not necessary, merge with another forum (an unknown forum is refused)
    assertThat(missing).contains(f1 + "/KUF", f2 + "/SMN");
    Answer coordinate =
        send(
            "PUT",
            "/reviews/oversyn-it/assessments/" + f1 + "/KUF",
            "{\"necessity\": \"UNCERTAIN\", \"rationale\": \"SMN covers it\", \"goalIds\": [],"
                + " \"recommendation\": {\"kind\": \"COORDINATE\", \"coordinateWith\": \"SMN\"}}",
            null);
    assertThat(coordinate.status()).as(String.valueOf(coordinate.body())).isEqualTo(200);
    JsonNode coordinated = entry(coordinate.body(), f1, "KUF").path("assessment");
    assertThat(coordinated.path("necessity").asText()).isEqualTo("UNCERTAIN");
    assertThat(coordinated.path("recommendation").path("kind").asText()).isEqualTo("COORDINATE");
    assertThat(coordinated.path("recommendation").path("coordinateWith").asText()).isEqualTo("SMN");
    String merge =
        "{\"necessity\": \"NOT_NECESSARY\", \"rationale\": \"The same network\", \"goalIds\":"
            + " [], \"recommendation\": {\"kind\": \"MERGE\", \"mergeWithForumId\": \"%s\"}}";
    long beforeMerge = stack.storedEvents();
    assertProblem(
        send(
            "PUT",
            "/reviews/oversyn-it/assessments/" + f2 + "/SMN",
            merge.formatted("no-such-forum"),
            null),
        422);
    assertThat(stack.storedEvents()).isEqualTo(beforeMerge);
    Answer merged =
        send("PUT", "/reviews/oversyn-it/assessments/" + f2 + "/SMN", merge.formatted(f1), null);
    assertThat(merged.status()).as(String.valueOf(merged.body())).isEqualTo(200);
    JsonNode mergeWith = entry(merged.body(), f2, "SMN").path("assessment");
    assertThat(mergeWith.path("necessity").asText()).isEqualTo("NOT_NECESSARY");
    assertThat(mergeWith.path("recommendation").path("mergeWithForumId").asText()).isEqualTo(f1);
    for (String ref : missing) {
      if (ref.equals(f1 + "/KUF") || ref.equals(f2 + "/SMN")) {
        continue;
      }
      String[] p = ref.split("/");
      assertThat(assess(p[0], p[1], "CONTINUE", null, null).status()).isEqualTo(200);
    }
    Answer closed =
        send("POST", "/reviews/oversyn-it/close", "{\"closedOn\": \"2024-11-30\"}", null);
    assertThat(closed.status()).as(String.valueOf(closed.body())).isEqualTo(200);
    assertThat(closed.body().path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.body().path("missing")).isEmpty();
    assertProblem(assess(f1, "KS", "CONTINUE", null, null), 422);

    // decisions after the close: SLK leaves f1, then KS leaves it later; KUF remains
    Answer slkLeaves = decide(f1, "SLK", "2025-01-01");
    assertThat(slkLeaves.status()).as(String.valueOf(slkLeaves.body())).isEqualTo(200);
    JsonNode slk = entry(slkLeaves.body(), f1, "SLK").path("decision");
    assertThat(slk.path("remainingUnits").toString()).isEqualTo("[\"KS\",\"KUF\"]");
    JsonNode ks = entry(decide(f1, "KS", "2025-06-30").body(), f1, "KS").path("decision");
    assertThat(ks.path("remainingUnits").toString()).isEqualTo("[\"KUF\"]");
    assertThat(ks.path("decisionReference").asText()).isEqualTo("KS 2025-02-12 § 101");
    JsonNode assessment = entry(get("/reviews/oversyn-it").body(), f1, "KS").path("assessment");
    assertThat(assessment.path("assessedBy").asText()).isEqualTo("registrar");
    assertThat(get("/reviews").body().findValuesAsText("reviewId")).contains("oversyn-it");

    // every unit, goal and review event of this round is in the store with its actor
    List<Map<String, Object>> stored =
        jdbc.queryForList(
            "select aggregate_identifier, payload_type, convert_from(meta_data, 'UTF8') as meta"
                + " from domain_event_entry where aggregate_identifier like 'review-%'"
                + " or aggregate_identifier like 'unit-%' or aggregate_identifier like 'goal-%'"
                + " order by global_index");
    List<String> reviewTypes =
        stored.stream()
            .filter(r -> r.get("aggregate_identifier").equals("review-oversyn-it"))
            .map(r -> (String) r.get("payload_type"))
            .toList();
    assertThat(reviewTypes)
        .containsExactly(
            "org.forumledger.events.ReviewOpened",
            "org.forumledger.events.ParticipationAssessed",
            "org.forumledger.events.ParticipationAssessed",
            "org.forumledger.events.ParticipationAssessed",
            "org.forumledger.events.ParticipationAssessed",
            "org.forumledger.events.ParticipationAssessed",
            "org.forumledger.events.ReviewClosed",
            "org.forumledger.events.ReviewDecisionRecorded",
            "org.forumledger.events.ReviewDecisionRecorded");
    assertThat(stored)
        .allSatisfy(r -> assertThat((String) r.get("meta")).contains("\"actor\":\"registrar\""));
    assertThat(stack.storedEvents()).isGreaterThan(before);
  }

  static void headcount(String forumId, String body) {
    Answer answer =
        send(
            "PUT",
            "/forums/" + forumId + "/headcounts/2023/" + body,
            "{\"headcount\": {\"min\": 1, \"max\": 1}, \"asWritten\": \"1\", " + WHY + "}",
            null);
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
  }

  static String assessment(String kind, String leaveFrom) {
    return "{\"necessity\": \"NECESSARY\", \"rationale\": \"Serves the mission\", \"goalIds\":"
        + " [\"social-it\"], \"recommendation\": {\"kind\": \""
        + kind
        + "\""
        + (leaveFrom == null ? "" : ", \"leaveFrom\": \"" + leaveFrom + "\"")
        + "}}";
  }

  static Answer assess(String forumId, String body, String kind, String leaveFrom, String ifMatch) {
    return send(
        "PUT",
        "/reviews/oversyn-it/assessments/" + forumId + "/" + body,
        assessment(kind, leaveFrom),
        ifMatch);
  }

  static Answer decide(String forumId, String body, String leaveFrom) {
    return send(
        "PUT",
        "/reviews/oversyn-it/decisions/" + forumId + "/" + body,
        "{\"decision\": {\"kind\": \"LEAVE\", \"leaveFrom\": \""
            + leaveFrom
            + "\"},"
            + " \"decisionReference\": \"KS 2025-02-12 § 101\", \"decidedOn\": \"2025-02-12\"}",
        null);
  }

  static List<String> refs(JsonNode list) {
    List<String> refs = new ArrayList<>();
    list.forEach(p -> refs.add(p.path("forumId").asText() + "/" + p.path("body").asText()));
    return refs;
  }

  static JsonNode entry(JsonNode review, String forumId, String body) {
    for (JsonNode p : review.path("scope")) {
      if (p.path("forumId").asText().equals(forumId) && p.path("body").asText().equals(body)) {
        return p;
      }
    }
    throw new AssertionError("no " + forumId + "/" + body + " in " + review);
  }
}
