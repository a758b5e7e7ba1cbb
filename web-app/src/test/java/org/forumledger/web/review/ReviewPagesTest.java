package org.forumledger.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.forumledger.web.signin.Browser;
import org.forumledger.web.testing.LocalWebApp;
import org.forumledger.web.testing.StandInServices;
import org.forumledger.web.testing.StandInServices.Answer;
import org.forumledger.web.testing.StandInServices.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The review's pages in front of services that answer as the issue-14 contract says (a stand-in
 * that keeps what it was sent): the scope, progress and savings drawn from their answers, the close
 * refusal listing what is missing with nothing else sent, an assessment sent with the version the
 * page was drawn at and every goal ticked, and no forms for a viewer.
 */
class ReviewPagesTest {

  static final String REVIEW =
      """
      {"reviewId":"r1","title":"Översyn 2024","period":"2023-2026",
       "decisionReference":"KS 2024-04-17 § 300","openedOn":"2024-05-01","units":["KS","SLK"],
       "status":"OPEN","closedOn":null,"version":3,
       "scope":[
        {"forumId":"f1","body":"SLK","assessment":{"necessity":"NECESSARY","rationale":"Kärnuppdrag",
          "goalIds":["kompetens"],"recommendation":{"kind":"CONTINUE","leaveFrom":null,
          "coordinateWith":null,"mergeWithForumId":null},"assessedBy":"reviewer",
          "assessedAt":"2024-05-02T09:00:00Z"},"decision":null},
        {"forumId":"f2","body":"KS","assessment":null,"decision":null}],
       "missing":[{"forumId":"f2","body":"KS"}]}
      """;

  static final String FORUMS =
      """
      {"position":9,"count":2,"forums":[
       {"forumId":"f2","inventoryReference":"2.10.1","name":"Eurocities Mobility Forum",
        "area":"Internationellt","lastSequence":1},
       {"forumId":"f1","inventoryReference":"2.9.3","name":"Västsvenska nätverket",
        "area":"Regional utveckling","lastSequence":1}]}
      """;

  static final String PROGRESS =
      """
      {"position":9,"progress":{"reviewId":"r1","status":"OPEN","total":2,"assessedCount":1,
       "notAssessedCount":1,
       "byArea":[{"key":"Regional utveckling","total":1,"assessedCount":1,"notAssessedCount":0,
                  "assessed":[{"forumId":"f1","body":"SLK"}],"notAssessed":[]},
                 {"key":"Internationellt","total":1,"assessedCount":0,"notAssessedCount":1,
                  "assessed":[],"notAssessed":[{"forumId":"f2","body":"KS"}]}],
       "byUnit":[{"key":"SLK","total":1,"assessedCount":1,"notAssessedCount":0},
                 {"key":"KS","total":1,"assessedCount":0,"notAssessedCount":1}]}}
      """;

  static final String SAVINGS =
      """
      {"reviewId":"r1","position":12,
       "years":[{"year":2025,"savingSek":279000,"lines":[{"forumId":"f2","inventoryReference":"2.10.1",
         "name":"Eurocities Mobility Forum","body":"KS","feeSek":279000,"otherSek":0,
         "explanation":"exit.review-decision: r1, KS 2024-11-20 § 901, från 2025-01-01"}]}],
       "periods":[{"period":"2023-2026","savingSek":558000}],"notCalculated":0}
      """;

  static final String CLOSE_REFUSED =
      """
      {"type":"about:blank","title":"Review not complete","status":422,
       "detail":"1 participation is not assessed","missing":[{"forumId":"f2","body":"KS"}]}
      """;

  static final Map<String, String> answers = new HashMap<>();
  static StandInServices services;
  static LocalWebApp web;

  @BeforeAll
  static void start() throws IOException {
    answers.put("GET /reviews/r1", REVIEW);
    answers.put("GET /forums", FORUMS);
    answers.put(
        "GET /goals",
        "[{\"goalId\":\"kompetens\",\"period\":\"2023-2026\",\"title\":\"Kompetensförsörjning\"},"
            + "{\"goalId\":\"klimat\",\"period\":\"2023-2026\",\"title\":\"Klimat\"}]");
    answers.put("GET /units", "[{\"code\":\"MKN\",\"name\":\"miljö- och klimatnämnden\"}]");
    answers.put("GET /reports/reviews/r1/progress", PROGRESS);
    answers.put("GET /costs/reviews/r1/savings", SAVINGS);
    services =
        StandInServices.answering(
            request -> {
              String body = answers.get(request.route());
              if ("POST /reviews/r1/close".equals(request.route())) {
                return Answer.problem(422, CLOSE_REFUSED);
              } else if ("PUT".equals(request.method())) {
                return Answer.json("{}");
              }
              return body == null ? Answer.problem(404, "{}") : Answer.json(body);
            });
    web = LocalWebApp.start(services.url());
  }

  @AfterAll
  static void stop() {
    if (web != null) {
      web.close();
    }
    services.close();
  }

  @Test
  void theReviewPageDrawsTheScopeInTheInventorysOrderWithProgressAndSavings() throws Exception {
    Browser registrar = web.signedIn("registrar", "reg-pw");

    String page = registrar.get(web.url() + "/reviews/r1").body();

    // 2.9.3 before 2.10.1: each part of a reference compared as a number
    String scope = page.substring(page.indexOf("id=\"scope\""));
    assertThat(scope.indexOf("Västsvenska nätverket"))
        .isPositive()
        .isLessThan(scope.indexOf("Eurocities Mobility Forum"));
    assertThat(page)
        .contains("data-forum=\"f1\" data-unit=\"SLK\" data-assessed=\"true\"")
        .contains("data-forum=\"f2\" data-unit=\"KS\" data-assessed=\"false\"")
        .contains("Tjänar: Kompetensförsörjning")
        .contains("av reviewer")
        .contains("1 bedömda, 1 inte bedömda")
        .contains("data-area=\"Internationellt\"")
        .contains("279,0")
        .contains("558,0")
        .contains("exit.review-decision: r1, KS 2024-11-20 § 901")
        .contains("id=\"close-form\"")
        .contains("href=\"/downloads/reviews/r1/outcome?format=xlsx\"");
  }

  @Test
  void aRefusedCloseListsTheMissingParticipationsAndSendsTheVersionItWasDrawnAt() throws Exception {
    Browser registrar = web.signedIn("registrar", "reg-pw");
    HttpResponse<String> page = registrar.get(web.url() + "/reviews/r1");
    services.forget();

    HttpResponse<String> refused =
        registrar.post(
            web.url() + "/reviews/r1/close",
            "_csrf="
                + Browser.csrfToken(page)
                + "&version=3&idempotencyKey=k1&closedOn=2024-06-30");

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Översynen kan inte stängas: 1 deltaganden är inte bedömda.")
        .contains("id=\"missing\"")
        .contains("href=\"/reviews/r1/participations/f2/KS\"");
    String missing = refused.body().substring(refused.body().indexOf("id=\"missing\""));
    assertThat(missing.substring(0, missing.indexOf("</ul>")))
        .contains("Eurocities Mobility Forum")
        .doesNotContain("Västsvenska nätverket");
    Received close =
        services.received().stream()
            .filter(r -> r.method().equals("POST"))
            .findFirst()
            .orElseThrow();
    assertThat(close.path()).isEqualTo("/reviews/r1/close");
    assertThat(close.ifMatch()).isEqualTo("\"3\"");
    assertThat(close.body()).isEqualTo("{\"closedOn\":\"2024-06-30\"}");
  }

  @Test
  void anAssessmentGoesToTheRegistryWithEveryGoalTickedAndOnlyItsKindsDetail() throws Exception {
    Browser registrar = web.signedIn("registrar", "reg-pw");
    HttpResponse<String> page = registrar.get(web.url() + "/reviews/r1/participations/f2/KS");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"assess-form\"", "id=\"decide-form\"", "Kompetensförsörjning", "Klimat")
        .contains("miljö- och klimatnämnden (MKN)");
    services.forget();

    HttpResponse<String> sent =
        registrar.post(
            web.url() + "/reviews/r1/participations/f2/KS/assessment",
            "_csrf="
                + Browser.csrfToken(page)
                + "&version=3&idempotencyKey=k2&necessity=NOT_NECESSARY"
                + "&rationale="
                + URLEncoder.encode("SLK deltar för staden", StandardCharsets.UTF_8)
                + "&goalIds=kompetens&goalIds=klimat"
                + "&recommendationKind=LEAVE&recommendationLeaveFrom=2025-01-01"
                + "&recommendationCoordinateWith=MKN&recommendationMergeWithForumId=");

    assertThat(sent.statusCode()).isIn(302, 303);
    assertThat(Browser.location(sent).getPath()).isEqualTo("/reviews/r1/participations/f2/KS");
    Received put =
        services.received().stream()
            .filter(r -> r.method().equals("PUT"))
            .findFirst()
            .orElseThrow();
    assertThat(put.path()).isEqualTo("/reviews/r1/assessments/f2/KS");
    assertThat(put.ifMatch()).isEqualTo("\"3\"");
    assertThat(put.body())
        .contains("\"necessity\":\"NOT_NECESSARY\"")
        .contains("\"goalIds\":[\"kompetens\",\"klimat\"]")
        .contains(
            "\"recommendation\":{\"kind\":\"LEAVE\",\"leaveFrom\":\"2025-01-01\","
                + "\"coordinateWith\":null,\"mergeWithForumId\":null}");
  }

  @Test
  void aViewerReadsTheReviewWithoutAnyForm() throws Exception {
    Browser viewer = web.signedIn("viewer", "view-pw");

    String review = viewer.get(web.url() + "/reviews/r1").body();
    String participation = viewer.get(web.url() + "/reviews/r1/participations/f2/KS").body();

    assertThat(review).contains("Eurocities Mobility Forum").doesNotContain("id=\"close-form\"");
    assertThat(participation)
        .contains("Inte bedömd")
        .doesNotContain("id=\"assess-form\"")
        .doesNotContain("id=\"decide-form\"");
    assertThat(viewer.get(web.url() + "/reviews/r1/participations/f9/KS").statusCode())
        .isEqualTo(404);
  }
}
