package org.forumledger.cost.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.CityFacts.unit;
import static org.forumledger.events.testing.CostRatesRecordedBuilder.rates;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.forumledger.cost.support.CostStack;
import org.forumledger.cost.support.Json;
import org.forumledger.events.Body;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.UnitKind;
import org.forumledger.events.testing.EventStream;
import org.forumledger.events.testing.Inventory2023;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;

/**
 * Issue 14, costs per unit, with the 2023 data loaded through a real broker into a real database:
 * KS's and SLK's figures for 2023, each forum's part named by its rule, the shared forums listed
 * whole and not split, and attributed + shared + no unit equal to the 2023 totals (7905000 and
 * 2079000 SEK, 6 not calculated). A committee's meetings in 2025 are priced as its own; a rebuild
 * gives the same answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitCostsIT {

  static final EventStream events = new EventStream();
  static final BigDecimal FEES_2023 = new BigDecimal("7905000");
  static final BigDecimal OTHER_2023 = new BigDecimal("2079000");

  static CostStack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = CostStack.start(Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
    stack.publishAndWait(Inventory2023.facts(events));
    stack.publishAndWait(
        List.of(
            events.append(unit("KS", "kommunstyrelsen", UnitKind.COMMITTEE)),
            events.append(unit("SLK", "stadsledningskontoret", UnitKind.ADMINISTRATION))));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  static JsonNode units(int year) {
    return Json.get(stack.viewer(), "/costs/years/" + year + "/units");
  }

  static JsonNode summary(JsonNode answer, String code) {
    for (JsonNode u : answer.get("units")) {
      if (u.get("unit").asText().equals(code)) {
        return u;
      }
    }
    throw new AssertionError("no unit " + code + " in " + answer);
  }

  static JsonNode forumOf(JsonNode unitAnswer, String reference) {
    for (JsonNode f : unitAnswer.get("forums")) {
      if (reference.equals(f.get("inventoryReference").asText())) {
        return f;
      }
    }
    throw new AssertionError("no forum " + reference + " in " + unitAnswer.get("unit"));
  }

  static BigDecimal sek(JsonNode node, String field) {
    return node.get(field).decimalValue();
  }

  @Test
  @Order(1)
  void ksAndSlkWithTheSharedAndTheUnattributedAddUpToThe2023Totals() {
    JsonNode y2023 = units(2023);
    System.out.println("UNITS 2023: " + y2023.toPrettyString().lines().limit(200).toList());

    assertThat(y2023.get("basis").asText()).isEqualTo("actual");
    assertThat(y2023.get("units"))
        .extracting(u -> u.get("unit").asText())
        .containsExactly("KS", "SLK");
    JsonNode ks = summary(y2023, "KS");
    JsonNode slk = summary(y2023, "SLK");
    assertThat(ks.get("name").asText()).isEqualTo("kommunstyrelsen");
    assertThat(ks.get("registered").asBoolean()).isTrue();
    assertThat(ks.get("sharedNotApportioned").get("apportioned").asBoolean()).isFalse();

    JsonNode shared = y2023.get("shared");
    JsonNode none = y2023.get("noUnitTakingPart");
    BigDecimal fees =
        sek(ks.get("attributable"), "feeSek")
            .add(sek(slk.get("attributable"), "feeSek"))
            .add(sek(shared, "feeSek"))
            .add(sek(none, "feeSek"));
    BigDecimal others =
        sek(ks.get("attributable"), "otherCostSek")
            .add(sek(slk.get("attributable"), "otherCostSek"))
            .add(sek(shared, "otherCostSek"))
            .add(sek(none, "otherCostSek"));
    // what the shipped data gives: KS alone in 15 forums, SLK alone in 75, 14 shared, 4 with none
    assertThat(sek(ks.get("attributable"), "totalSek")).isEqualByComparingTo("2410000");
    assertThat(sek(slk.get("attributable"), "totalSek")).isEqualByComparingTo("3586000");
    assertThat(sek(shared, "totalSek")).isEqualByComparingTo("3585000");
    assertThat(sek(none, "totalSek")).isEqualByComparingTo("403000");
    assertThat(ks.get("attributable").get("notCalculatedCount").asInt()).isEqualTo(6);
    assertThat(fees).isEqualByComparingTo(FEES_2023);
    assertThat(others).isEqualByComparingTo(OTHER_2023);
    // what is attributed never exceeds the total, and the shared are listed, not split
    assertThat(
            sek(ks.get("attributable"), "totalSek").add(sek(slk.get("attributable"), "totalSek")))
        .isLessThanOrEqualTo(FEES_2023.add(OTHER_2023));
    JsonNode reconciliation = y2023.get("reconciliation");
    assertThat(reconciliation.get("reconciles").asBoolean()).isTrue();
    assertThat(reconciliation.get("notCalculatedForums").asInt()).isEqualTo(6);
    assertThat(reconciliation.get("notCalculatedCount").asInt()).isEqualTo(6);
    // no meetings are recorded for 2023: each forum not calculated falls to exactly one of them
    assertThat(
            ks.get("attributable").get("notCalculatedCount").asInt()
                + slk.get("attributable").get("notCalculatedCount").asInt()
                + shared.get("notCalculatedCount").asInt()
                + none.get("notCalculatedCount").asInt())
        .isEqualTo(6);
    // the year totals themselves are untouched
    JsonNode totals = Json.get(stack.viewer(), "/costs/years/2023");
    assertThat(totals.get("annualFeeTotal").decimalValue()).isEqualByComparingTo(FEES_2023);
    assertThat(totals.get("otherCostTotal").decimalValue()).isEqualByComparingTo(OTHER_2023);
    assertThat(totals.get("notCalculatedCount").asInt()).isEqualTo(6);
  }

  @Test
  @Order(2)
  void aUnitsForumsNameTheRuleAndTheFactsBehindEachPart() {
    JsonNode ks = Json.get(stack.viewer(), "/costs/years/2023/units/KS");
    JsonNode slk = Json.get(stack.viewer(), "/costs/years/2023/units/SLK");
    System.out.println(
        "KS 2023 head: " + ks.get("attributable") + " " + ks.get("sharedNotApportioned"));
    System.out.println(
        "SLK 2023 head: " + slk.get("attributable") + " " + slk.get("sharedNotApportioned"));

    assertThat(ks.get("forumCount").asInt()).isEqualTo(ks.get("forums").size());
    // Reväst (2.1.3): SLK alone in the steering group, fee 70 tkr and other cost 15 tkr are SLK's
    JsonNode revast = forumOf(slk, "2.1.3");
    assertThat(revast.get("sharedWith")).isEmpty();
    assertThat(revast.get("attributableSek").decimalValue()).isEqualByComparingTo("85000");
    assertThat(revast.get("parts"))
        .allSatisfy(
            p -> {
              assertThat(p.get("rule").asText()).isEqualTo(UnitCosts.SOLE_UNIT);
              assertThat(p.get("explanation").asText())
                  .startsWith("SLK is the only unit taking part in 2.1.3 in 2023");
              assertThat(p.get("facts")).isNotEmpty();
            });
    assertThat(revast.get("takingPartBecause").get(0).get("eventType").asText())
        .isEqualTo("forum.HeadcountRecorded");
    // the structural-fund partnership (2.1.2): KS alone, its other cost not calculated, not summed
    JsonNode partnership = forumOf(ks, "2.1.2");
    assertThat(partnership.get("parts"))
        .anySatisfy(
            p -> {
              assertThat(p.get("component").asText()).isEqualTo("otherCost");
              assertThat(p.get("status").asText()).isEqualTo("NOT_CALCULATED");
              assertThat(p.get("amountSek").isNull()).isTrue();
              assertThat(p.get("summed").asBoolean()).isFalse();
            });
    // a forum both take part in is shared by both, not apportioned, in either's answer
    JsonNode sharedForum =
        StreamSupport.stream(ks.get("forums").spliterator(), false)
            .filter(f -> !f.get("sharedWith").isEmpty())
            .findFirst()
            .orElseThrow();
    assertThat(sharedForum.get("sharedWith")).extracting(JsonNode::asText).containsExactly("SLK");
    assertThat(sharedForum.get("attributableSek").decimalValue()).isZero();
    assertThat(sharedForum.get("parts"))
        .allSatisfy(
            p -> {
              assertThat(p.get("attribution").asText()).isEqualTo("SHARED_NOT_APPORTIONED");
              assertThat(p.get("explanation").asText()).contains("not apportioned");
            });
    assertThat(forumOf(slk, sharedForum.get("inventoryReference").asText()).get("sharedWith"))
        .extracting(JsonNode::asText)
        .containsExactly("KS");
  }

  @Test
  @Order(3)
  void anUnknownUnitIs404AndAMalformedYearOrCodeIs400() {
    problem("/costs/years/2023/units/MKN", 404);
    problem("/costs/years/abc/units", 400);
    problem("/costs/years/1066/units/KS", 400);
    problem("/costs/years/2023/units/ks", 400);
  }

  @Test
  @Order(4)
  void aCommitteesMeetingsArePricedAsItsOwnAndARebuildAnswersTheSame() {
    Body mkn = Body.of("MKN");
    List<EventEnvelope> batch = new ArrayList<>();
    batch.add(events.append(unit("MKN", "miljö- och klimatnämnden", UnitKind.COMMITTEE)));
    batch.add(events.append(rates(2025).salary("300").overhead("0").source("SLK payroll 2025")));
    batch.add(
        events.append(forum("2.1.3").participation("p-mkn").on("2025-03-10").body(mkn).hours("4")));
    stack.publishAndWait(batch);

    JsonNode mkn2025 = Json.get(stack.viewer(), "/costs/years/2025/units/MKN");
    JsonNode revast = forumOf(mkn2025, "2.1.3");
    assertThat(revast.get("parts"))
        .anySatisfy(
            p -> {
              assertThat(p.get("rule").asText()).isEqualTo(UnitCosts.OWN_MEETINGS);
              assertThat(p.get("amountSek").decimalValue()).isEqualByComparingTo("1200");
              assertThat(p.get("explanation").asText()).contains("1 meeting of MKN in 2.1.3");
            });
    // MKN alone takes part in 2025: the open-ended 70 tkr fee is its own as well
    assertThat(mkn2025.get("attributable").get("feeSek").decimalValue())
        .isEqualByComparingTo("70000");
    assertThat(mkn2025.get("attributable").get("otherCostSek").decimalValue())
        .isEqualByComparingTo("1200");
    JsonNode y2025 = units(2025);
    assertThat(y2025.get("reconciliation").get("reconciles").asBoolean()).isTrue();
    // not in 2023: the year's figures are as before
    assertThat(units(2023).get("units"))
        .extracting(u -> u.get("unit").asText())
        .containsExactly("KS", "SLK");

    JsonNode live = Json.get(stack.viewer(), "/costs/checksum");
    JsonNode liveUnits = units(2023);
    JsonNode rebuilt = stack.rebuild();
    assertThat(rebuilt.get("state").asText()).isEqualTo("DONE");
    assertThat(Json.get(stack.viewer(), "/costs/checksum").get("checksum").asText())
        .isEqualTo(live.get("checksum").asText());
    assertThat(Json.get(stack.viewer(), "/costs/years/2025/units/MKN").get("attributable"))
        .isEqualTo(mkn2025.get("attributable"));
    JsonNode after = units(2023);
    assertThat(after.get("units")).isEqualTo(liveUnits.get("units"));
    assertThat(after.get("reconciliation")).isEqualTo(liveUnits.get("reconciliation"));
  }

  private static void problem(String uri, int status) {
    stack
        .viewer()
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
