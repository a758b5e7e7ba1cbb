package org.forumledger.web.unitcosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.forumledger.web.signin.Browser;
import org.forumledger.web.testing.LocalWebApp;
import org.forumledger.web.testing.StandInServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The units page links each unit to its costs, and the unit's cost page shows what the cost service
 * answers: its own figure, what it shares not apportioned, and per forum the rule behind each part.
 */
class UnitCostPagesTest {

  static final String KS_2023 =
      """
      {"year":2023,"basis":"actual","position":538,"unit":"KS","name":"kommunstyrelsen",
       "kind":"COMMITTEE","registered":true,"forumCount":2,
       "attributable":{"forumCount":1,"feeSek":0,"otherCostSek":0,"totalSek":0,
                       "notCalculatedCount":1},
       "sharedNotApportioned":{"apportioned":false,"forumCount":1,"feeSek":2390000,
                       "otherCostSek":0,"totalSek":2390000,"notCalculatedCount":0},
       "forums":[
        {"forumId":"2.1.2","inventoryReference":"2.1.2","name":"Västsveriges strukturfondspartnerskap",
         "takingPart":["KS"],"sharedWith":[],"attributableSek":0,"sharedNotApportionedSek":0,
         "parts":[{"component":"otherCost","attribution":"ATTRIBUTED",
                   "rule":"unit.sole-unit-taking-part","status":"NOT_CALCULATED","amountSek":null,
                   "explanation":"KS is the only unit taking part in 2.1.2 in 2023"}]},
        {"forumId":"2.2.1","inventoryReference":"2.2.1","name":"Kolv","takingPart":["KS","SLK"],
         "sharedWith":["SLK"],"attributableSek":0,"sharedNotApportionedSek":2390000,
         "parts":[{"component":"fee","attribution":"SHARED_NOT_APPORTIONED",
                   "rule":"unit.shared-not-apportioned","status":"AMOUNT","amountSek":2390000,
                   "explanation":"KS, SLK take part in 2.2.1 in 2023: not apportioned"}]}]}
      """;

  static StandInServices services;
  static LocalWebApp web;

  @BeforeAll
  static void start() throws IOException {
    services =
        StandInServices.answering(
            Map.of(
                "GET /units",
                "[{\"code\":\"KS\",\"name\":\"kommunstyrelsen\",\"kind\":\"COMMITTEE\"}]",
                "GET /costs/years/2023/units/KS",
                KS_2023));
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
  void theUnitsPageLinksEachUnitToItsCosts() throws Exception {
    String page = web.signedIn("viewer", "view-pw").get(web.url() + "/units").body();

    assertThat(page).contains("href=\"/units/KS/costs\"");
  }

  @Test
  void aUnitsCostPageShowsItsOwnTheSharedNotApportionedAndEachPartsRule() throws Exception {
    Browser viewer = web.signedIn("viewer", "view-pw");

    String page = viewer.get(web.url() + "/units/KS/costs?year=2023").body();

    assertThat(page)
        .contains("kommunstyrelsen")
        .containsPattern("<h1>Kostnader för [^<]* 2023</h1>")
        .contains("id=\"attributable-not-calculated\">1<")
        .contains("id=\"shared\">2\u00a0390,0 tkr<")
        .contains("data-forum=\"2.2.1\" data-shared=\"true\"")
        .contains("data-forum=\"2.1.2\" data-shared=\"false\"")
        .contains("data-rule=\"unit.shared-not-apportioned\"")
        .contains("inte beräknad")
        .contains("fördelas inte");
    assertThat(viewer.get(web.url() + "/units/MKN/costs?year=2023").statusCode()).isEqualTo(404);
  }
}
