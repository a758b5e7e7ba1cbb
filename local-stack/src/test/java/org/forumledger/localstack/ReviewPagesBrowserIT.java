package org.forumledger.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 14's acceptance as the executive office would try it, in headless Chromium in front of the
 * real services with the 2023 inventory (and the units and goals the report names) loaded: read the
 * units and goals, state what a participation serves, open the review, assess a handful, be refused
 * closing with the list of what is missing, decide to leave one forum from 2025-01-01, and read the
 * progress, overlaps, coverage and savings (that forum's fee per year) with the figures the
 * services give; the review as known before the assessments; the outcome's downloads; and each
 * assessment in the audit history with its reviewer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewPagesBrowserIT {

  static final String REVIEW = "oversyn-webbtest";

  /** SIQ: a fixed fee of 200 000 SEK, no other cost, no headcount of KS or SLK in 2023. */
  static final String SIQ = "2.12.5.1";

  static final String COMPETENCE = "kompetensforsorjning-2023";
  static final String SOCIAL = "social-hallbarhet-2023";

  static BrowserStack browserStack;
  static ServiceStack stack;
  static ConfigurableApplicationContext web;
  static Browser browser;
  static Http viewer = new Http("viewer", "viewer-pw");
  static Http auditor = new Http("auditor", "auditor-pw");

  /** When the review was opened and none of it was assessed yet. */
  static Instant beforeAssessments;

  /** The participations assessed, as {@code forumId/body}. */
  static final List<String> assessed = new ArrayList<>();

  @BeforeAll
  static void start() {
    browserStack = BrowserStack.start();
    stack = browserStack.stack;
    web = browserStack.web;
    browser = browserStack.browser;
  }

  @AfterAll
  static void stop() {
    if (browserStack != null) {
      browserStack.close();
    }
  }

  /** Each test starts signed out, in the default language. */
  @AfterEach
  void signOut() {
    browserStack.signOut();
  }

  @Test
  @Order(1)
  void aReaderFindsTheUnitsAndGoalsTheReportNamesWithTheirPhrasesAndCompetenceSupplyUncovered() {
    browser.signIn("viewer", "viewer-pw");
    browser.find("nav a[href='/units']").click();
    browser.await(d -> !browser.findAll("#units").isEmpty());
    JsonNode units = viewer.json(stack.registryUrl() + "/units");
    assertThat(browser.findAll("#units tbody tr")).hasSize(units.size());
    assertThat(browser.find("#units tr[data-unit='MKN']").getText())
        .contains("miljö- och klimatnämnden", "Nämnd")
        .contains("dessa frågor till stor del ligger inom miljö- och klimatnämndens ansvarsområde");
    assertThat(browser.findAll("form[method=post]:not(.signout)")).isEmpty();
    browser.checkPage("units");

    browser.find("nav a[href='/goals']").click();
    browser.await(d -> !browser.findAll("#goals").isEmpty());
    assertThat(browser.text("h1")).isEqualTo("Kommunfullmäktiges mål 2023-2026");
    assertThat(browser.find("#goals tr[data-goal='" + COMPETENCE + "']").getText())
        .contains("Kompetensförsörjning", "Kompetensförsörjningen är ett av kommunfullmäktiges");
    assertThat(browser.findAll("#goals tbody tr"))
        .hasSize(viewer.json(stack.registryUrl() + "/goals?period=2023-2026").size());
    browser.checkPage("goals");

    browser.find("nav a[href='/goal-coverage']").click();
    browser.await(d -> !browser.findAll("#uncovered-heading").isEmpty());
    JsonNode coverage = coverage();
    assertThat(texts(coverage.get("uncovered"))).contains(COMPETENCE);
    assertThat(browser.findAll("#uncovered-goals li")).hasSize(coverage.get("uncovered").size());
    assertThat(browser.text("#uncovered-goals li[data-goal='" + COMPETENCE + "']"))
        .isEqualTo("Kompetensförsörjning");
    // the report's two findings: no network on competence supply, no forum on segregation
    assertThat(browser.text("#uncovered-goals li[data-goal='segregation-2023']"))
        .isEqualTo("Arbete mot segregation (inom social hållbarhet)");
    assertThat(browser.findAll("#forums-without-goal tbody tr"))
        .hasSize(coverage.get("forumsLinkedToNoGoal").size());
    browser.checkPage("goal-coverage");
  }

  @Test
  @Order(2)
  void aRegistrarStatesWhatAUnitsParticipationServesOnTheForumPage() {
    String siq = forumId(SIQ);
    browser.signIn("registrar", "registrar-pw");
    browser.open("/forums/" + siq);
    WebElement social = browser.find("#goals-form input[name=goalIds][value='" + SOCIAL + "']");
    browser.script("arguments[0].closest('details').open = true;", social);
    new Select(browser.find("#goals-body")).selectByValue("KS");
    social.click();
    fill("goals", Map.of("benefitForResidents", "Kvalitetsarbete i stadens verksamheter"));
    fill(
        "goals",
        Map.of("effectiveDate", "2024-05-02", "reason", "Underlag till översynen (webbtest)"));
    browser.find("#goals-form button[type=submit]").click();
    browser.await(d -> !browser.findAll("#recorded").isEmpty());
    assertThat(browser.text("#recorded")).isEqualTo("Målen för deltagandet är registrerade.");
    assertThat(browser.find("#timeline li").getAttribute("data-event")).isEqualTo("GoalsLinked");
    assertThat(browser.find("#timeline li .actor").getText()).isEqualTo("av registrar");
    assertThat(browser.find("#goal-links tr[data-unit='KS']").getText())
        .contains("Social hållbarhet", "Kvalitetsarbete i stadens verksamheter", "av registrar");
    browser.checkPage("forum-goal-links");

    await().atMost(Duration.ofSeconds(20)).until(() -> coverage().toString().contains(siq));
    browser.open("/goal-coverage?period=2023-2026");
    assertThat(browser.find("#covered-goals li[data-goal='" + SOCIAL + "']").getText())
        .contains(SIQ, "KS", "målkoppling");
    assertThat(browser.findAll("#uncovered-goals li[data-goal='" + COMPETENCE + "']")).hasSize(1);
    assertThat(browser.findAll("#uncovered-goals li[data-goal='segregation-2023']")).hasSize(1);
  }

  @Test
  @Order(3)
  void theOfficeOpensTheReviewAssessesAHandfulAndIsToldWhatIsMissingWhenClosing() {
    String siq = forumId(SIQ);
    browser.signIn("registrar", "registrar-pw");
    browser.find("nav a[href='/reviews']").click();
    browser.await(d -> !browser.findAll("#review-form").isEmpty());
    browser.checkPage("reviews");
    fill(
        "review",
        Map.of(
            "reviewId", REVIEW,
            "title", "Översyn av nätverk och samarbeten (webbtest)",
            "decisionReference", "KS 2024-04-17 § 300 (webbtest)",
            "openedOn", "2024-05-02"));
    browser.find("#review-form button[type=submit]").click();
    browser.await(d -> d.getCurrentUrl().contains("/reviews/" + REVIEW + "?recorded=review"));
    assertThat(browser.text("#recorded")).isEqualTo("Översynen är öppnad.");
    beforeAssessments = Instant.now();

    JsonNode review = registryReview();
    int scope = review.get("scope").size();
    assertThat(scope).isGreaterThan(3);
    assertThat(browser.findAll("#scope tbody tr")).hasSize(scope);
    assertThat(browser.findAll("#scope tr[data-forum='" + siq + "'][data-unit='KS']")).hasSize(1);
    assertThat(browser.text("#review-assessed")).isEqualTo("0 / " + scope);

    // SIQ's seat is not necessary; two others are
    assess(siq, "KS", "NOT_NECESSARY", "Kvalitetsarbetet sker i förvaltningarna", "LEAVE");
    assertThat(browser.text("#current-assessment"))
        .contains("Inte nödvändigt", "Lämna från 2025-01-01", "av registrar");
    List<String[]> others = new ArrayList<>();
    for (JsonNode p : review.get("scope")) {
      if (!p.get("forumId").asText().equals(siq) && others.size() < 2) {
        others.add(new String[] {p.get("forumId").asText(), p.get("body").asText()});
      }
    }
    for (String[] other : others) {
      assess(other[0], other[1], "NECESSARY", "Kärnan i uppdraget (webbtest)", "CONTINUE");
    }
    browser.checkPage("participation-assessed");

    browser.open("/reviews/" + REVIEW);
    assertThat(browser.text("#review-assessed")).isEqualTo("3 / " + scope);
    assertThat(browser.text("#progress-total"))
        .isEqualTo("3 bedömda, " + (scope - 3) + " inte bedömda");
    JsonNode progress = reporting("/reports/reviews/" + REVIEW + "/progress").get("progress");
    for (JsonNode area : progress.get("byArea")) {
      WebElement row =
          browser.find("#progress-by-area tr[data-area='" + area.get("key").asText() + "']");
      assertThat(row.findElement(By.cssSelector(".assessed")).getText())
          .isEqualTo(area.get("assessedCount").asText());
      assertThat(row.findElement(By.cssSelector(".not-assessed")).getText())
          .isEqualTo(area.get("notAssessedCount").asText());
    }
    assertThat(browser.find("#progress-by-unit tr[data-unit='KS'] .assessed").getText())
        .isEqualTo(unitCount(progress, "KS"));

    browser.find("#close-form button[type=submit]").click();
    browser.await(d -> !browser.findAll("#close-refused").isEmpty());
    assertThat(browser.text("#close-refused"))
        .startsWith("Översynen kan inte stängas: " + (scope - 3) + " deltaganden är inte bedömda.");
    assertThat(browser.findAll("#missing li")).hasSize(scope - 3);
    for (String participation : assessed) {
      String[] p = participation.split("/");
      assertThat(
              browser.findAll("#missing li[data-forum='" + p[0] + "'][data-unit='" + p[1] + "']"))
          .isEmpty();
    }
    browser.checkPage("review-close-refused");
    assertThat(registryReview().get("status").asText()).isEqualTo("OPEN");
  }

  @Test
  @Order(4)
  void aDecisionToLeaveSiqFrom2025IsPricedAsItsFeeInEachYearAfter() {
    String siq = forumId(SIQ);
    browser.signIn("registrar", "registrar-pw");
    browser.open("/reviews/" + REVIEW + "/participations/" + siq + "/KS");
    // the decision is drawn as the reviewer recommended it
    assertThat(
            new Select(browser.find("#decide-decisionKind"))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("LEAVE");
    fill(
        "decide",
        Map.of("decisionReference", "KS 2024-11-20 § 901 (webbtest)", "decidedOn", "2024-11-20"));
    browser.find("#decide-form button[type=submit]").click();
    browser.await(d -> d.getCurrentUrl().contains("recorded=decide"));
    assertThat(browser.text("#recorded")).isEqualTo("Beslutet är registrerat.");
    assertThat(browser.text("#current-decision"))
        .contains("Lämna från 2025-01-01", "KS 2024-11-20 § 901 (webbtest)")
        .contains("Staden lämnar forumet.");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                viewer
                    .json(stack.costUrl() + "/costs/reviews/" + REVIEW + "/savings")
                    .toString()
                    .contains(siq));
    JsonNode savings = viewer.json(stack.costUrl() + "/costs/reviews/" + REVIEW + "/savings");
    browser.open("/reviews/" + REVIEW);
    for (JsonNode year : savings.get("years")) {
      int y = year.get("year").asInt();
      String shown = browser.text("#savings-years tr[data-year='" + y + "'] .saving");
      assertThat(shown).as("saving %d", y).isEqualTo(tkr(year.get("savingSek")));
      if (y == 2025 || y == 2026) {
        assertThat(shown).as("saving %d: SIQ's fee", y).isEqualTo("200,0");
      } else if (y < 2025) {
        assertThat(shown).as("saving %d: before the exit", y).isEqualTo("0,0");
      }
    }
    assertThat(browser.text("#savings-periods tr[data-period='2023-2026'] .saving"))
        .isEqualTo("400,0");
    WebElement line =
        browser.find("#savings-years tr[data-year='2025'] li[data-forum='" + siq + "']");
    assertThat(line.getText()).contains(SIQ, "årsavgift 200,0 tkr");
    assertThat(line.findElement(By.cssSelector(".explanation")).getText()).isNotBlank();
    assertThat(browser.text("#savings-rule")).contains("exit.review-decision");
    browser.checkPage("review-with-decision");

    browser.open("/reviews/" + REVIEW + "?lang=en");
    assertThat(browser.text("#savings-heading")).isEqualTo("Savings of the decisions");
    browser.open("/reviews/" + REVIEW + "?lang=sv");
  }

  @Test
  @Order(5)
  void aSecondUnitJoiningAForumOnItsPageMakesItAnOverlap() {
    JsonNode before = reporting("/reports/overlaps?year=2023").get("overlaps").get("sameForum");
    String alone = null;
    for (JsonNode p : registryReview().get("scope")) {
      String forumId = p.get("forumId").asText();
      if (!before.toString().contains(forumId) && !forumId.equals(forumId(SIQ))) {
        alone = forumId;
        break;
      }
    }
    assertThat(alone).as("a forum one unit takes part in").isNotNull();
    String forumId = alone;
    browser.signIn("registrar", "registrar-pw");
    browser.open("/forums/" + forumId);
    fill("headcount", Map.of("year", "2023", "headcountMin", "1"));
    fill("headcount", Map.of("effectiveDate", "2023-01-01", "reason", "MKN deltar (webbtest)"));
    new Select(browser.find("#headcount-body")).selectByValue("MKN");
    browser.find("#headcount-form button[type=submit]").click();
    browser.await(d -> d.getCurrentUrl().contains("recorded=headcount"));
    assertThat(browser.find("#timeline li").getText()).contains("MKN");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                reporting("/reports/overlaps?year=2023")
                    .get("overlaps")
                    .get("sameForum")
                    .toString()
                    .contains(forumId));
    browser.open("/overlaps?year=2023");
    assertThat(browser.text("#same-forum tr[data-forum='" + forumId + "'] .units")).contains("MKN");
  }

  @Test
  @Order(6)
  void overlapsTheReviewAsKnownBeforeItsAssessmentsAndTheOutcomesDownloads() {
    browser.signIn("viewer", "viewer-pw");
    browser.find("nav a[href='/overlaps']").click();
    browser.await(d -> !browser.findAll("#same-forum-heading").isEmpty());
    browser.open("/overlaps?year=2023");
    JsonNode overlaps = reporting("/reports/overlaps?year=2023").get("overlaps");
    assertThat(overlaps.get("sameForum").size()).isPositive();
    assertThat(browser.findAll("#same-forum tbody tr")).hasSize(overlaps.get("sameForum").size());
    JsonNode first = overlaps.get("sameForum").get(0);
    assertThat(
            browser
                .find("#same-forum tr[data-forum='" + first.get("forumId").asText() + "'] .units")
                .getText())
        .isEqualTo(String.join(", ", texts(first.get("units"))));
    assertThat(browser.findAll("#same-convener tbody tr"))
        .hasSize(overlaps.get("sameConvener").size());
    browser.checkPage("overlaps");

    browser.open("/reviews/" + REVIEW + "?knownAt=" + beforeAssessments);
    int scope = registryReview().get("scope").size();
    assertThat(browser.text("#review-assessed")).isEqualTo("0 / " + scope);
    assertThat(browser.findAll(".slice-note")).hasSize(1);
    assertThat(browser.findAll("#scope tr[data-assessed='true']")).isEmpty();
    browser.checkPage("review-known-before-assessments");
    browser.open("/reviews/" + REVIEW);
    assertThat(browser.findAll("#scope tr[data-assessed='true']")).hasSize(3);
    assertThat(browser.findAll("#close-form")).isEmpty();

    for (String format : List.of("html", "csv", "xlsx")) {
      assertThat(browser.findAll("a#outcome-" + format)).hasSize(1);
    }
    Object csv =
        browser.asyncScript(
            """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t)),
                                     e => done(String(e)));
            """,
            "/downloads/reviews/" + REVIEW + "/outcome?format=csv");
    assertThat((String) csv).startsWith("200 ").contains("Swedish Institute for Quality");
    Object xlsx =
        browser.asyncScript(
            """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '
                + r.headers.get('Content-Type') + ' ' + b.byteLength)), e => done(String(e)));
            """,
            "/downloads/reviews/" + REVIEW + "/outcome?format=xlsx");
    assertThat((String) xlsx)
        .startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ");
  }

  @Test
  @Order(7)
  void everyAssessmentIsInTheAuditHistoryWithItsReviewer() {
    browser.signIn("auditor", "auditor-pw");
    browser.open("/reviews/" + REVIEW);
    browser.find("#review-audit").click();
    browser.await(d -> !browser.findAll("#audit-entries").isEmpty());
    assertThat(browser.driver().getCurrentUrl()).contains("forumId=review-" + REVIEW);
    List<WebElement> assessments =
        browser.findAll("#audit-entries tbody tr").stream()
            .filter(row -> row.getText().contains("Deltagande bedömt"))
            .toList();
    assertThat(assessments).hasSize(3);
    assertThat(assessments)
        .allSatisfy(
            row ->
                assertThat(row.findElement(By.cssSelector(".actor")).getText())
                    .isEqualTo("registrar"));
    JsonNode audit =
        auditor.json(stack.reportingUrl() + "/audit?forumId=review-" + REVIEW + "&limit=100");
    long inAudit = 0;
    for (JsonNode entry : audit) {
      if ("review.ParticipationAssessed".equals(entry.get("eventType").asText())) {
        inAudit++;
        assertThat(entry.get("actor").asText()).isEqualTo("registrar");
      }
    }
    assertThat(inAudit).isEqualTo(3);
    browser.checkPage("audit-review");
  }

  /** Assesses a participation on its page as the reviewer signed in. */
  private static void assess(
      String forumId, String body, String necessity, String rationale, String course) {
    browser.open("/reviews/" + REVIEW + "/participations/" + forumId + "/" + body);
    new Select(browser.find("#assess-necessity")).selectByValue(necessity);
    new Select(browser.find("#assess-recommendationKind")).selectByValue(course);
    fill("assess", Map.of("rationale", rationale));
    if ("LEAVE".equals(course)) {
      fill("assess", Map.of("recommendationLeaveFrom", "2025-01-01"));
    }
    browser.find("#assess-form button[type=submit]").click();
    browser.await(d -> d.getCurrentUrl().contains("recorded=assess"));
    assertThat(browser.text("#recorded")).isEqualTo("Bedömningen är registrerad.");
    assessed.add(forumId + "/" + body);
  }

  private static void fill(String form, Map<String, String> values) {
    values.forEach(
        (field, value) -> {
          WebElement input = browser.find("#" + form + "-" + field);
          browser.script("const d = arguments[0].closest('details'); if (d) d.open = true;", input);
          if ("date".equals(input.getAttribute("type"))) {
            browser.script("arguments[0].value = arguments[1];", input, value);
          } else {
            input.clear();
            input.sendKeys(value);
          }
        });
  }

  private static JsonNode registryReview() {
    return viewer.json(stack.registryUrl() + "/reviews/" + REVIEW);
  }

  private static JsonNode reporting(String path) {
    return viewer.json(stack.reportingUrl() + path);
  }

  private static JsonNode coverage() {
    return reporting("/reports/goal-coverage?period=2023-2026").get("coverage");
  }

  private static String unitCount(JsonNode progress, String unit) {
    for (JsonNode group : progress.get("byUnit")) {
      if (unit.equals(group.get("key").asText())) {
        return group.get("assessedCount").asText();
      }
    }
    throw new IllegalStateException("No unit " + unit + " in " + progress);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static String tkr(JsonNode sek) {
    java.math.BigDecimal tkr =
        sek.decimalValue()
            .divide(java.math.BigDecimal.valueOf(1000))
            .setScale(1, java.math.RoundingMode.HALF_UP);
    return Browser.normalized(String.format(WebAppBrowserIT.SWEDISH, "%,.1f", tkr));
  }

  private static String forumId(String inventoryReference) {
    for (JsonNode forum : viewer.json(stack.reportingUrl() + "/forums").get("forums")) {
      if (inventoryReference.equals(forum.get("inventoryReference").asText())) {
        return forum.get("forumId").asText();
      }
    }
    throw new IllegalStateException("No forum " + inventoryReference);
  }
}
