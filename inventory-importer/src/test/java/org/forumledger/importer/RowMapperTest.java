package org.forumledger.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.importer.InventoryFixtures.realRow;
import static org.forumledger.importer.InventoryFixtures.with;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostStatus;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.Scope;
import org.forumledger.importer.RegistryBodies.ChangeStatus;
import org.forumledger.importer.RegistryBodies.CostLine;
import org.forumledger.importer.RegistryBodies.Fee;
import org.forumledger.importer.RegistryBodies.Headcount;
import org.forumledger.importer.RegistryBodies.OtherCost;
import org.forumledger.importer.RegistryBodies.Range;
import org.forumledger.importer.RegistryBodies.RegisterForum;
import org.forumledger.importer.RowMapper.Mapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowMapperTest {

  private static RowPlan plan(String section) {
    Mapping mapping = RowMapper.map(realRow(section));
    assertThat(mapping.errors()).isEmpty();
    return mapping.plan();
  }

  @Test
  void everyRowOfTheRealInventoryIsValidAndBecomes536Writes() {
    Set<String> seen = new HashSet<>();
    int writes = 0;
    for (InventoryRow row : InventoryFixtures.realRows().values()) {
      Mapping mapping = RowMapper.map(row, seen);
      seen.add(row.get("section"));
      assertThat(mapping.errors()).as("line %d", row.line()).isEmpty();
      writes += 1 + mapping.plan().steps().size();
    }
    assertThat(seen).hasSize(108);
    // 108 registrations + 103 SLK + 108 KS headcounts (one as written only) + 108 fees
    // + 108 other costs + 1 status
    assertThat(writes).isEqualTo(536);
  }

  @Test
  void stringFeeOf837TkrIs837000SekExactly() {
    RowPlan plan = plan("2.2.10");

    Fee fee = (Fee) plan.step("fees/2023").body();
    assertThat(fee.status()).isEqualTo(CostStatus.AMOUNT);
    assertThat(fee.amount()).isEqualTo(new BigDecimal("837000"));
    assertThat(fee.currency()).isEqualTo("SEK");
    assertThat(fee.exchangeRate()).isNull();
    assertThat(fee.basis()).isEqualTo(FeeBasis.FIXED);
    assertThat(fee.toYear()).as("no agreement end: open-ended").isNull();
    assertThat(fee.reportedUnder()).isNull();
    assertThat(plan.step("fees/2023").idempotencyKey()).isEqualTo("inventory-2023/2.2.10/fee-2023");

    OtherCost other = (OtherCost) plan.step("other-costs/2023").body();
    assertThat(other.status()).isEqualTo(CostStatus.AMOUNT);
    assertThat(other.lines())
        .containsExactly(new CostLine(CostCategory.OTHER, new BigDecimal("125000"), null, null));
  }

  @Test
  void registrationCarriesTheRowsDetailsAndTheProvenance() {
    RowPlan plan = plan("2.2.10");
    RegisterForum register = plan.register();

    assertThat(register.inventoryReference()).isEqualTo("2.2.10");
    assertThat(register.name()).isEqualTo("STRING");
    assertThat(register.purpose()).isNull();
    assertThat(register.area()).isEqualTo("Infrastruktur inom transport och kollektivtrafik");
    assertThat(register.subarea()).isNull();
    assertThat(register.kind()).isEqualTo(ForumKind.COLLABORATION);
    assertThat(register.collaborationType()).isNull();
    assertThat(register.convener()).isEqualTo("STRING");
    assertThat(register.scope()).isEqualTo(Scope.INTERNATIONAL);
    assertThat(register.meetingsPerYear()).as("several bodies, no range").isNull();
    assertThat(register.effectiveDate()).isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(register.reason()).isEqualTo("Inventory 2023 (SLK-2023-01081), section 2.2.10");
    assertThat(register.decisionReference()).isEqualTo("SLK-2023-01081");
    assertThat(plan.registerKey()).isEqualTo("inventory-2023/2.2.10/register");

    assertThat(plan.steps())
        .extracting(RowPlan.Step::path)
        .containsExactly(
            "headcounts/2023/SLK", "headcounts/2023/KS", "fees/2023", "other-costs/2023");
    Headcount slk = (Headcount) plan.step("headcounts/2023/SLK").body();
    assertThat(slk.headcount()).isEqualTo(new Range(2, 2));
    assertThat(slk.asWritten()).isEqualTo("2");
    assertThat(slk.reason()).isEqualTo(register.reason());
  }

  @Test
  void perInhabitantFeeKeepsItsRateAndEndsWithTheAgreement() {
    RowPlan plan = plan("2.13.1");

    Fee fee = (Fee) plan.step("fees/2023").body();
    assertThat(fee.amount()).isEqualByComparingTo("2390000");
    assertThat(fee.basis()).isEqualTo(FeeBasis.PER_INHABITANT);
    assertThat(fee.perInhabitantRateSek()).isEqualByComparingTo("4");
    assertThat(fee.population()).isNull();
    assertThat(fee.projectTotalSek()).isNull();
    assertThat(fee.toYear()).isEqualTo(2024);

    OtherCost other = (OtherCost) plan.step("other-costs/2023").body();
    assertThat(other.status()).isEqualTo(CostStatus.NOT_CALCULATED);
    assertThat(other.lines()).isEmpty();
    assertThat(other.reportedUnder()).isNull();

    Headcount slk = (Headcount) plan.step("headcounts/2023/SLK").body();
    assertThat(slk.headcount()).isEqualTo(new Range(0, 0));
    assertThat(slk.asWritten()).isEqualTo("-");
  }

  @Test
  void notCalculatedOtherCostHasNoLinesAndNoAmount() {
    OtherCost other = (OtherCost) plan("2.1.2").step("other-costs/2023").body();

    assertThat(other.status()).isEqualTo(CostStatus.NOT_CALCULATED);
    assertThat(other.lines()).isEmpty();
  }

  @Test
  void reportedUnderRowPointsToEurocitiesAndHasNoSlkTable() {
    RowPlan plan = plan("2.3.4");

    Fee fee = (Fee) plan.step("fees/2023").body();
    assertThat(fee.status()).isEqualTo(CostStatus.REPORTED_UNDER);
    assertThat(fee.reportedUnder()).isEqualTo("2.14.6");
    assertThat(fee.amount()).isNull();
    assertThat(fee.currency()).isNull();
    assertThat(fee.basis()).isNull();

    OtherCost other = (OtherCost) plan.step("other-costs/2023").body();
    assertThat(other.status()).isEqualTo(CostStatus.REPORTED_UNDER);
    assertThat(other.reportedUnder()).isEqualTo("2.14.6");
    assertThat(other.lines()).isEmpty();

    assertThat(plan.hasStep("headcounts/2023/SLK")).isFalse();
    Headcount ks = (Headcount) plan.step("headcounts/2023/KS").body();
    assertThat(ks.headcount()).isEqualTo(new Range(2, 2));
    assertThat(ks.asWritten()).isNull();
  }

  @Test
  void eurocitiesKsTwoPerForumIsKeptAsWrittenWithoutACount() {
    RowPlan plan = plan("2.14.6");

    Headcount ks = (Headcount) plan.step("headcounts/2023/KS").body();
    assertThat(ks.headcount()).as("unknown is not zero, and 2 per forum is no count").isNull();
    assertThat(ks.asWritten()).isEqualTo("2 per forum");
    Headcount slk = (Headcount) plan.step("headcounts/2023/SLK").body();
    assertThat(slk.headcount()).isEqualTo(new Range(1, 1));
  }

  @Test
  void eurFeeIsSentInEuroWithThePrintedSekFigureAndNoInventedRate() {
    Fee fee = (Fee) plan("2.8.4").step("fees/2023").body();

    assertThat(fee.amount()).isEqualByComparingTo("1500");
    assertThat(fee.currency()).isEqualTo("EUR");
    assertThat(fee.amountSek()).isEqualByComparingTo("16000");
    assertThat(fee.exchangeRate()).as("the registry derives the implied rate").isNull();
    assertThat(fee.reason())
        .startsWith("Inventory 2023 (SLK-2023-01081), section 2.8.4")
        .contains("16 tkr for 1500 EUR")
        .contains("states no exchange rate");
  }

  @Test
  void projectShareFeeCarriesTheProjectTotalInSek() {
    Fee fee = (Fee) plan("2.9.5").step("fees/2023").body();

    assertThat(fee.basis()).isEqualTo(FeeBasis.PROJECT_SHARE);
    assertThat(fee.amount()).isEqualByComparingTo("12000");
    assertThat(fee.projectTotalSek()).isEqualByComparingTo("300000");
    assertThat(fee.perInhabitantRateSek()).isNull();
    assertThat(fee.toYear()).isEqualTo(2024);
  }

  @Test
  void meetingsWithAnOpenMaximumAreNotSent() {
    assertThat(plan("2.6.2").register().meetingsPerYear()).isNull();
    assertThat(plan("2.13.1").register().meetingsPerYear()).isEqualTo(new Range(2, 2));
  }

  @Test
  void onlyANonActiveStatusIsSent() {
    RowPlan inactive = plan("2.14.11");

    assertThat(inactive.step("status").body())
        .isEqualTo(
            new ChangeStatus(
                ForumStatus.INACTIVE,
                LocalDate.of(2023, 1, 1),
                "Inventory 2023 (SLK-2023-01081), section 2.14.11",
                "SLK-2023-01081"));
    assertThat(inactive.step("status").idempotencyKey()).isEqualTo("inventory-2023/2.14.11/status");
    assertThat(plan("2.2.10").hasStep("status")).isFalse();
  }

  @Test
  void fractionalTkrBecomeExactSek() {
    Fee fee =
        (Fee)
            RowMapper.map(with(realRow("2.2.10"), "fee_tkr", "0.01"))
                .plan()
                .step("fees/2023")
                .body();

    assertThat(fee.amount()).isEqualTo(new BigDecimal("10"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "name||name is required",
        "kind|NETWERK|kind 'NETWERK' is not one of NETWORK, COLLABORATION",
        "scope|LOCAL|scope 'LOCAL' is not one of",
        "fee_status|PAID|fee_status 'PAID' is not one of",
        "fee_tkr||fee_tkr is required",
        "fee_tkr|8,37|fee_tkr '8,37' is not a decimal number",
        "fee_tkr|-5|fee_tkr -5 is negative",
        "fee_tkr|0.000001|fee_tkr 0.000001 is finer than öre",
        "slk_min|3|slk_min 3 is greater than slk_max 2",
        "slk_max||slk_min and slk_max must both be set or both be empty",
        "ks_count|två|ks_count 'två' is not a whole number",
        "meetings_min|7|meetings_min 7 is greater than meetings_max",
        "fee_reported_under|2.14.6|fee_reported_under must be empty when fee_status is AMOUNT",
        "other_cost_tkr||other_cost_tkr is required",
        "status||status is required",
        "section|two.two|section 'two.two' is not a section number",
        "agreement_to|2021|agreement_to 2021 ends before the inventory year 2023",
        "fee_currency|EUR|fee_original_amount is required",
      })
  void malformedFieldIsReportedAndNothingIsPlanned(String column, String value, String expected) {
    InventoryRow row = with(realRow("2.2.10"), column, value == null ? "" : value);
    if (column.equals("meetings_min")) {
      row = with(row, "meetings_max", "6");
    }

    Mapping mapping = RowMapper.map(row);

    assertThat(mapping.valid()).isFalse();
    assertThat(mapping.plan()).isNull();
    assertThat(mapping.problem(row)).startsWith("line 15: section ").contains(expected);
  }

  @Test
  void statusAmountsMustNotComeWithAnAmount() {
    InventoryRow row = with(realRow("2.1.2"), "fee_tkr", "10", "other_cost_tkr", "3");

    Mapping mapping = RowMapper.map(row);

    assertThat(mapping.errors())
        .containsExactly(
            "fee_tkr must be empty when fee_status is NONE",
            "other_cost_tkr must be empty when other_cost_status is NOT_CALCULATED");
  }

  @Test
  void reportedUnderNeedsTheOtherSection() {
    Mapping mapping = RowMapper.map(with(realRow("2.3.4"), "fee_reported_under", ""));

    assertThat(mapping.errors()).containsExactly("fee_reported_under is required");
  }

  @Test
  void aNetworkHasNoCollaborationType() {
    Mapping mapping = RowMapper.map(with(realRow("2.3.4"), "collaboration_type", "råd"));

    assertThat(mapping.errors())
        .containsExactly("collaboration_type 'råd' is only for a COLLABORATION");
  }

  @Test
  void aSectionSeenEarlierInTheFileIsRefused() {
    Mapping mapping = RowMapper.map(realRow("2.2.10"), Set.of("2.2.10"));

    assertThat(mapping.errors()).containsExactly("section 2.2.10 appears earlier in the file");
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsRefused() {
    InventoryRow row = realRow("2.2.10");
    InventoryRow short_ = new InventoryRow(row.line(), row.values(), 32);

    assertThat(RowMapper.map(short_).errors()).containsExactly("has 32 fields, expected 33");
  }

  @Test
  void malformedFixtureRowIsReportedWithItsPhysicalLineAndEveryProblem() {
    List<InventoryRow> rows =
        InventoryCsv.parse(InventoryFixtures.text(InventoryFixtures.MALFORMED)).rows();

    assertThat(rows).extracting(r -> RowMapper.map(r).valid()).containsExactly(true, false, true);
    InventoryRow malformed = rows.get(1);
    assertThat(RowMapper.map(malformed).problem(malformed))
        .isEqualTo(
            "line 4: section 9.1.2: kind 'NETWERK' is not one of NETWORK, COLLABORATION;"
                + " slk_min 3 is greater than slk_max 1; fee_tkr is required");
  }
}
