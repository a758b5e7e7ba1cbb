package org.forumledger.cost.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.forumledger.cost.api.CostViews.CategoryAmount;
import org.forumledger.cost.api.CostViews.FeeView;
import org.forumledger.cost.api.CostViews.ForumYearView;
import org.forumledger.cost.api.CostViews.OtherCostView;
import org.forumledger.cost.projection.Certainty;
import org.forumledger.cost.projection.FigureStatus;
import org.forumledger.events.CostCategory;
import org.forumledger.events.FeeBasis;
import org.junit.jupiter.api.Test;

class YearTableCsvTest {

  @Test
  void quotesCellsWithCommasAndQuotesAndLeavesUnknownAmountsEmpty() {
    String[] lines = YearTableCsv.write(List.of(row(FigureStatus.NOT_CALCULATED))).split("\r\n");

    assertThat(lines).hasSize(2);
    assertThat(lines[0]).endsWith(",other_sek,total_status,total_sek,total_tkr");
    assertThat(lines[1])
        .startsWith(
            "2023,2.14.11,f-1,\"Inaktiva partnerskap: Xi'an, \"\"Tallin\"\"\",Internationellt")
        .contains(",AMOUNT,17250.00,17.3,EUR,1500,11.50,FIXED,,NOT_CALCULATED,,,,,3000,")
        .endsWith(",NOT_CALCULATED,,");
  }

  @Test
  void aRowWhoseCostsAreKnownShowsItsTotal() {
    String[] lines = YearTableCsv.write(List.of(row(FigureStatus.NONE))).split("\r\n");

    assertThat(lines[1]).endsWith(",AMOUNT,17250.00,17.3");
  }

  private static ForumYearView row(FigureStatus otherCostStatus) {
    return new ForumYearView(
        "f-1",
        "2.14.11",
        "Inaktiva partnerskap: Xi'an, \"Tallin\"",
        "Internationellt samarbete och EU",
        null,
        "COLLABORATION",
        2023,
        true,
        Certainty.ACTUAL,
        new FeeView(
            FigureStatus.AMOUNT,
            Certainty.ACTUAL,
            new BigDecimal("17250.00"),
            new BigDecimal("17.3"),
            "EUR",
            new BigDecimal("1500"),
            new BigDecimal("11.50"),
            "STATED",
            FeeBasis.FIXED,
            null,
            null,
            null,
            "fee.recorded",
            "x"),
        new OtherCostView(
            otherCostStatus,
            Certainty.ACTUAL,
            null,
            null,
            List.of(
                new CategoryAmount(
                    CostCategory.TRAVEL, new BigDecimal("3000"), new BigDecimal("3.0"))),
            null,
            "other.recorded",
            "y"),
        new BigDecimal("17250.00"),
        new BigDecimal("17.3"));
  }

  @org.junit.jupiter.api.Test
  void aNameThatLooksLikeAFormulaIsWrittenAsText() {
    org.assertj.core.api.Assertions.assertThat(YearTableCsv.text("=HYPERLINK(\"x\")"))
        .isEqualTo("'=HYPERLINK(\"x\")");
    org.assertj.core.api.Assertions.assertThat(YearTableCsv.text("STRING")).isEqualTo("STRING");
  }
}
