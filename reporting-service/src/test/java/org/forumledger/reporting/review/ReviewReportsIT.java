package org.forumledger.reporting.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.forumledger.events.Body;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.Necessity;
import org.forumledger.events.ParticipationAssessed;
import org.forumledger.events.ParticipationRef;
import org.forumledger.events.ReviewDecisionRecorded;
import org.forumledger.events.UnitKind;
import org.forumledger.events.testing.CityFacts;
import org.forumledger.events.testing.EventBuilder;
import org.forumledger.events.testing.EventStream;
import org.forumledger.events.testing.GivenEvent;
import org.forumledger.events.testing.Inventory2023;
import org.forumledger.reporting.support.ReportingStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The reports that answer the motion, through the real broker and database, with the shipped 2023
 * inventory loaded as the importer records it (its KS and SLK headcounts as events of before units
 * existed), two committees registered, two of the council's goals, and a review round of five
 * participations: two assessed (one of them corrected later by another reviewer), one decided.
 */
class ReviewReportsIT {

  private static final String REVIEW = "oversyn-2024";
  private static final String REGIONAL = "Regional utveckling";
  private static final String TRANSPORT = "Infrastruktur inom transport och kollektivtrafik";
  private static final String COMPETENCE = "kompetensforsorjning-2023";
  private static final ParticipationRef REFERENCE_GROUP_SLK =
      new ParticipationRef("2.1.1", Body.SLK);
  private static final ParticipationRef STRUCTURAL_FUNDS_KS =
      new ParticipationRef("2.1.2", Body.KS);
  private static final ParticipationRef SUSTAINABLE_KS = new ParticipationRef("2.1.4", Body.KS);
  private static final ParticipationRef STRING_SLK = new ParticipationRef("2.2.10", Body.SLK);
  private static final ParticipationRef STRING_KS = new ParticipationRef("2.2.10", Body.KS);

  private static ReportingStack stack;
  private static final EventStream events = new EventStream(1);

  @BeforeAll
  static void start() {
    stack = ReportingStack.start();
    List<EventEnvelope> history = new ArrayList<>(Inventory2023.facts(events));
    history.add(
        at(
            CityFacts.unit("MKN", "miljö- och klimatnämnden", UnitKind.COMMITTEE),
            "2024-04-01T08:00:00Z",
            "2024-04-01"));
    history.add(
        at(
            CityFacts.unit("SMN", "stadsmiljönämnden", UnitKind.COMMITTEE),
            "2024-04-01T08:00:00Z",
            "2024-04-01"));
    history.add(
        at(
            CityFacts.goal(COMPETENCE, "Kompetensförsörjning"),
            "2024-04-02T08:00:00Z",
            "2023-01-01"));
    history.add(at(CityFacts.goal("klimat-2023", "Klimat"), "2024-04-02T08:00:00Z", "2023-01-01"));
    history.add(
        at(
            CityFacts.reviewOpened(
                    REVIEW,
                    "2024-05-06",
                    List.of(
                        REFERENCE_GROUP_SLK,
                        STRUCTURAL_FUNDS_KS,
                        SUSTAINABLE_KS,
                        STRING_SLK,
                        STRING_KS))
                .by("slk-registrar"),
            "2024-05-06T08:00:00Z",
            "2024-05-06"));
    history.add(
        at(
            assessed(REFERENCE_GROUP_SLK, Necessity.NECESSARY, CourseOfAction.toContinue(), false)
                .by("reviewer-anna"),
            "2024-06-03T10:00:00Z",
            "2024-06-03"));
    history.add(
        at(
            assessed(
                    STRING_KS,
                    Necessity.NOT_NECESSARY,
                    CourseOfAction.leave(LocalDate.of(2025, 1, 1)),
                    false)
                .by("reviewer-bo"),
            "2024-06-04T10:00:00Z",
            "2024-06-04"));
    history.add(
        at(
            assessed(
                    REFERENCE_GROUP_SLK,
                    Necessity.UNCERTAIN,
                    CourseOfAction.coordinateWith(Body.of("MKN")),
                    true)
                .by("reviewer-bo"),
            "2024-09-02T10:00:00Z",
            "2024-06-03"));
    history.add(
        at(
            GivenEvent.of(
                    new ReviewDecisionRecorded(
                        REVIEW,
                        STRING_KS,
                        CourseOfAction.leave(LocalDate.of(2025, 1, 1)),
                        "KS 2024-11-20 § 812",
                        LocalDate.of(2024, 11, 20),
                        List.of(Body.SLK),
                        false))
                .by("ks-secretary"),
            "2024-11-20T12:00:00Z",
            "2024-11-20"));
    publish(history);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static EventEnvelope at(EventBuilder<?, ?> event, String recordedAt, String effective) {
    return events.envelope(event, recordedAt, effective);
  }

  private static GivenEvent<ParticipationAssessed> assessed(
      ParticipationRef ref,
      Necessity necessity,
      CourseOfAction recommendation,
      boolean correction) {
    return GivenEvent.of(
        new ParticipationAssessed(
            REVIEW,
            ref,
            necessity,
            "Rationale: " + necessity,
            List.of(),
            recommendation,
            correction));
  }

  private static void publish(List<EventEnvelope> envelopes) {
    stack.publishAll(envelopes);
    envelopes.forEach(h -> stack.awaitHandled(h.metadata().eventId()));
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static List<String> texts(JsonNode array, String field) {
    return list(array).stream().map(n -> n.get(field).asText()).toList();
  }

  @Test
  void theOldKsAndSlkEventsReadAsTheUnitsKsAndSlkAndKeepThe2023Totals() {
    JsonNode totals = stack.asViewer("/reports/totals?year=2023");
    assertThat(totals.get("forumCount").asInt()).isEqualTo(108);
    assertThat(totals.get("annualFeeTotal").decimalValue()).isEqualByComparingTo("7905000");
    assertThat(totals.get("otherCostTotal").decimalValue()).isEqualByComparingTo("2079000");
    assertThat(totals.get("notCalculatedCount").asInt()).isEqualTo(6);

    long ksForums = 0;
    long slkForums = 0;
    for (CSVRecord r : Inventory2023.rows()) {
      boolean ks =
          r.get("ks_count").isEmpty()
              ? !r.get("ks_as_written").isEmpty()
              : Integer.parseInt(r.get("ks_count")) > 0;
      if (ks) {
        ksForums++;
      }
      if (!r.get("slk_max").isEmpty() && Integer.parseInt(r.get("slk_max")) > 0) {
        slkForums++;
      }
    }
    JsonNode units = stack.asViewer("/reports/units").get("units");
    assertThat(texts(units, "code")).containsExactly("KS", "MKN", "SLK", "SMN");
    JsonNode ks = units.get(0);
    assertThat(ks.get("registered").asBoolean()).isFalse();
    assertThat(ks.get("ofTheInventory2023").asBoolean()).isTrue();
    assertThat(ks.get("forumsTakingPart").asLong()).isEqualTo(ksForums).isEqualTo(29);
    assertThat(units.get(2).get("forumsTakingPart").asLong()).isEqualTo(slkForums).isEqualTo(89);
    assertThat(units.get(1).get("name").asText()).isEqualTo("miljö- och klimatnämnden");
    assertThat(units.get(1).get("source").get("document").asText()).isEqualTo("SLK-2023-01081");

    JsonNode same = stack.asViewer("/reports/overlaps?year=2023").get("overlaps").get("sameForum");
    JsonNode string =
        list(same).stream()
            .filter(f -> f.get("forumId").asText().equals("2.2.10"))
            .findFirst()
            .orElseThrow();
    assertThat(list(string.get("units")).stream().map(JsonNode::asText).toList())
        .containsExactly("KS", "SLK");
  }

  @Test
  void progressCountsTheAssessedAndTheMissingByAreaAndByUnit() {
    JsonNode p = stack.asViewer("/reports/reviews/" + REVIEW + "/progress").get("progress");

    assertThat(p.get("total").asInt()).isEqualTo(5);
    assertThat(p.get("assessedCount").asInt()).isEqualTo(2);
    assertThat(p.get("notAssessedCount").asInt()).isEqualTo(3);
    assertThat(texts(p.get("byArea"), "key")).containsExactly(TRANSPORT, REGIONAL);
    JsonNode regional = p.get("byArea").get(1);
    assertThat(regional.get("total").asInt()).isEqualTo(3);
    assertThat(regional.get("assessedCount").asInt()).isEqualTo(1);
    assertThat(texts(regional.get("assessed"), "forumId")).containsExactly("2.1.1");
    assertThat(texts(regional.get("notAssessed"), "forumId")).containsExactly("2.1.2", "2.1.4");
    JsonNode transport = p.get("byArea").get(0);
    assertThat(transport.get("assessedCount").asInt()).isEqualTo(1);
    assertThat(transport.get("notAssessedCount").asInt()).isEqualTo(1);
    assertThat(texts(p.get("byUnit"), "key")).containsExactly("KS", "SLK");
    JsonNode ks = p.get("byUnit").get(0);
    assertThat(ks.get("total").asInt()).isEqualTo(3);
    assertThat(texts(ks.get("assessed"), "forumId")).containsExactly("2.2.10");
    assertThat(texts(ks.get("notAssessed"), "name"))
        .containsExactly(
            "Västsveriges strukturfondspartnerskap", "Beredningen för hållbar utveckling");
    JsonNode slk = p.get("byUnit").get(1);
    assertThat(texts(slk.get("assessed"), "forumId")).containsExactly("2.1.1");
    assertThat(texts(slk.get("notAssessed"), "forumId")).containsExactly("2.2.10");
  }

  @Test
  void anOverlapIsFoundWhenASecondUnitJoinsAForum() {
    assertThat(sameForum2023()).doesNotContain("2.1.2");
    JsonNode before = stack.asViewer("/reports/overlaps?year=2023").get("overlaps");
    // VGR's forums in regional development: SLK in 2.1.1, KS in 2.1.2 and 2.1.4
    JsonNode vgr =
        list(before.get("sameConvener")).stream()
            .filter(g -> g.get("convener").asText().equals("VGR"))
            .findFirst()
            .orElseThrow();
    assertThat(texts(vgr.get("forums"), "forumId")).containsExactly("2.1.1", "2.1.2", "2.1.4");

    publish(
        List.of(
            at(
                forum("2.1.2")
                    .appointed("mkn-1")
                    .person("Mia Ledamot")
                    .of(Body.of("MKN"))
                    .valid("2023-03-01", "2026-12-31"),
                "2024-06-20T08:00:00Z",
                null)));

    assertThat(sameForum2023()).contains("2.1.2");
    JsonNode structural =
        list(stack.asViewer("/reports/overlaps?year=2023").get("overlaps").get("sameForum"))
            .stream()
            .filter(f -> f.get("forumId").asText().equals("2.1.2"))
            .findFirst()
            .orElseThrow();
    assertThat(list(structural.get("units")).stream().map(JsonNode::asText).toList())
        .containsExactly("KS", "MKN");
    assertThat(
            list(
                    stack
                        .asViewer("/reports/overlaps?year=2023&knownAt=2024-06-01T00:00:00Z")
                        .get("overlaps")
                        .get("sameForum"))
                .stream()
                .map(f -> f.get("forumId").asText()))
        .doesNotContain("2.1.2");
  }

  private static List<String> sameForum2023() {
    return texts(
        stack.asViewer("/reports/overlaps?year=2023").get("overlaps").get("sameForum"), "forumId");
  }

  @Test
  void theCompetenceSupplyGoalIsUncoveredUntilAForumIsLinkedToIt() {
    JsonNode before = stack.asViewer("/reports/goal-coverage?period=2023-2026").get("coverage");
    assertThat(list(before.get("uncovered")).stream().map(JsonNode::asText).toList())
        .contains(COMPETENCE);
    assertThat(texts(before.get("forumsLinkedToNoGoal"), "forumId")).contains("2.12.2.1");

    publish(
        List.of(
            at(forum("2.12.2.1").goalsLinked(Body.SLK, COMPETENCE), "2024-06-21T08:00:00Z", null)));

    JsonNode after = stack.asViewer("/reports/goal-coverage?period=2023-2026").get("coverage");
    assertThat(list(after.get("uncovered")).stream().map(JsonNode::asText).toList())
        .doesNotContain(COMPETENCE)
        .contains("klimat-2023");
    JsonNode competence =
        list(after.get("goals")).stream()
            .filter(g -> g.get("goalId").asText().equals(COMPETENCE))
            .findFirst()
            .orElseThrow();
    assertThat(competence.get("covered").asBoolean()).isTrue();
    assertThat(competence.get("servedBy").get(0).get("forumId").asText()).isEqualTo("2.12.2.1");
    assertThat(competence.get("servedBy").get(0).get("body").asText()).isEqualTo("SLK");
    assertThat(texts(after.get("forumsLinkedToNoGoal"), "forumId")).doesNotContain("2.12.2.1");
    JsonNode goals = stack.asViewer("/reports/goals?period=2023-2026").get("goals");
    assertThat(texts(goals, "goalId")).containsExactly("klimat-2023", COMPETENCE);
    assertThat(stack.asViewer("/reports/goals?period=2027-2030").get("goals")).isEmpty();
  }

  @Test
  void eachAssessmentAndDecisionIsInTheAuditHistoryWithItsReviewer() {
    JsonNode history = stack.asAuditor("/audit?forumId=review-" + REVIEW);

    assertThat(texts(history, "eventType"))
        .containsExactly(
            "review.ReviewOpened",
            "review.ParticipationAssessed",
            "review.ParticipationAssessed",
            "review.ParticipationAssessed",
            "review.DecisionRecorded");
    assertThat(texts(history, "actor"))
        .containsExactly(
            "slk-registrar", "reviewer-anna", "reviewer-bo", "reviewer-bo", "ks-secretary");
    assertThat(history.get(3).get("payload").get("correction").asBoolean()).isTrue();
    assertThat(history.get(3).get("payload").get("participation").get("forumId").asText())
        .isEqualTo("2.1.1");
    assertThat(stack.asAuditor("/audit?forumId=unit-MKN").get(0).get("eventType").asText())
        .isEqualTo("unit.UnitRegistered");
    assertThat(stack.asAuditor("/audit?actor=reviewer-bo")).hasSize(2);
    JsonNode verified = stack.asAuditor("/audit/verify");
    assertThat(verified.get("intact").asBoolean()).isTrue();
    String export =
        new String(
            stack
                .http
                .get()
                .uri("/audit/export")
                .headers(h -> h.setBasicAuth("auditor", ReportingStack.AUDITOR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent(),
            StandardCharsets.UTF_8);
    assertThat(export.lines().filter(l -> l.contains("review.ParticipationAssessed")))
        .hasSize(3)
        .allMatch(l -> l.contains("reviewer-"));
    stack
        .http
        .get()
        .uri("/audit?forumId=review-" + REVIEW)
        .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void whatTheReviewSaidOnADateAsKnownAtATime() {
    JsonNode then =
        stack.asViewer(
            "/reports/reviews/" + REVIEW + "?asOf=2024-06-30&knownAt=2024-07-01T00:00:00Z");
    JsonNode now = stack.asViewer("/reports/reviews/" + REVIEW + "?asOf=2024-06-30");
    JsonNode beforeAny = stack.asViewer("/reports/reviews/" + REVIEW + "?asOf=2024-05-31");

    JsonNode old = scope(then, "2.1.1", "SLK").get("assessment");
    assertThat(old.get("necessity").asText()).isEqualTo("NECESSARY");
    assertThat(old.get("assessedBy").asText()).isEqualTo("reviewer-anna");
    assertThat(old.get("assessedAt").asText()).isEqualTo("2024-06-03T10:00:00Z");
    assertThat(scope(then, "2.2.10", "KS").get("decision").isNull()).isTrue();
    JsonNode corrected = scope(now, "2.1.1", "SLK").get("assessment");
    assertThat(corrected.get("necessity").asText()).isEqualTo("UNCERTAIN");
    assertThat(corrected.get("assessedBy").asText()).isEqualTo("reviewer-bo");
    assertThat(corrected.get("recommendation").get("coordinateWith").asText()).isEqualTo("MKN");
    assertThat(scope(now, "2.1.1", "SLK").get("assessmentsRecorded").asInt()).isEqualTo(2);
    assertThat(beforeAny.get("review").get("missing")).hasSize(5);
    assertThat(beforeAny.get("review").get("status").asText()).isEqualTo("OPEN");
    JsonNode decided = scope(stack.asViewer("/reports/reviews/" + REVIEW), "2.2.10", "KS");
    assertThat(decided.get("decision").get("decisionReference").asText())
        .isEqualTo("KS 2024-11-20 § 812");
    assertThat(decided.get("decision").get("remainingUnits").get(0).asText()).isEqualTo("SLK");
    assertThat(stack.asViewer("/reports/reviews").get("reviews").get(0).get("assessed").asInt())
        .isEqualTo(2);
    problem("/reports/reviews/" + REVIEW + "?knownAt=2024-05-01T00:00:00Z", 404);
  }

  private static JsonNode scope(JsonNode answer, String forumId, String body) {
    return list(answer.get("review").get("scope")).stream()
        .filter(
            s -> s.get("forumId").asText().equals(forumId) && s.get("body").asText().equals(body))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theOutcomeOpensAsCsvXlsxAndHtmlWithARowPerParticipation() throws IOException {
    String csv = new String(outcome("csv", "text/csv"), StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).startsWith("Avsnitt,Forum,Område,Enhet,Bedömning,Motivering,Mål");
    assertThat(lines.get(1))
        .startsWith(
            "2.1.1,Västsvenska referensgruppen för sammanhållningspolitiken,Regional utveckling,SLK,Osäkert,");
    assertThat(lines.get(5)).isEqualTo("2.2.10,STRING," + TRANSPORT + ",SLK,,,,,,,,");
    assertThat(lines.get(4))
        .contains(
            ",KS,Inte nödvändigt,Rationale: NOT_NECESSARY,,Lämna från 2025-01-01,Lämna från 2025-01-01,KS 2024-11-20 § 812,2024-11-20,reviewer-bo");

    byte[] xlsx =
        outcome("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(5);
      assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("2.2.10");
      assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).isEqualTo("KS");
      assertThat(sheet.getRow(4).getCell(9).getStringCellValue()).isEqualTo("KS 2024-11-20 § 812");
      assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEmpty();
    }

    String html = new String(outcome("html", "text/html"), StandardCharsets.UTF_8);
    assertThat(html.split("<tr class=\"participation\">", -1)).hasSize(6);
    assertThat(html).contains("<td>2.1.4</td><td>Beredningen för hållbar utveckling</td>");
    assertThat(html).contains("<td>KS 2024-11-20 § 812</td>");
  }

  private static byte[] outcome(String format, String type) {
    return stack
        .http
        .get()
        .uri("/reports/reviews/" + REVIEW + "/outcome?format=" + format)
        .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.parseMediaType(type))
        .expectBody()
        .returnResult()
        .getResponseBodyContent();
  }

  @Test
  void unknownReviewsAre404AndMalformedParameters400() {
    JsonNode unknown = problem("/reports/reviews/no-such-review", 404);
    assertThat(unknown.get("reviewId").asText()).isEqualTo("no-such-review");
    problem("/reports/reviews/no-such-review/progress", 404);
    problem("/reports/reviews/no-such-review/outcome?format=csv", 404);
    assertThat(problem("/reports/goal-coverage?period=2023", 400).get("parameter").asText())
        .isEqualTo("period");
    problem("/reports/goal-coverage", 400);
    problem("/reports/goals?period=twenty", 400);
    problem("/reports/overlaps?year=abc", 400);
    problem("/reports/overlaps", 400);
    problem("/reports/reviews/" + REVIEW + "/outcome?format=pdf", 400);
    problem("/reports/reviews/" + REVIEW + "?asOf=2024-13-01", 400);
    problem("/reports/units?knownAt=yesterday", 400);
  }

  private static JsonNode problem(String uri, int status) {
    byte[] body =
        stack
            .http
            .get()
            .uri(uri)
            .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .returnResult()
            .getResponseBodyContent();
    try {
      return org.forumledger.events.EventJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aReplayOfTheTopicWithTheNewStreamsEqualsTheLiveReadModel() {
    // units, goals and reviews are logged and audited, never taken for forums
    assertThat(
            stack.jdbc.queryForObject(
                "select count(*) from forum_view where forum_id like 'unit-%'"
                    + " or forum_id like 'goal-%' or forum_id like 'review-%'",
                Integer.class))
        .isZero();
    assertThat(
            stack.jdbc.queryForObject(
                "select count(*) from event_log where forum_id = 'review-' || ?",
                Integer.class,
                REVIEW))
        .isEqualTo(5);
    stack.startReplay();
    JsonNode done = stack.awaitReplayDone(Duration.ofSeconds(90));
    assertThat(done.get("equal").asBoolean()).isTrue();
    assertThat(done.get("forums").asInt()).isEqualTo(108);
  }
}
