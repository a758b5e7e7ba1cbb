package org.forumledger.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.forumledger.importer.InventoryImport.Summary;
import org.junit.jupiter.api.Test;

/** The import loop against a recording fake of the registry; no network. */
class InventoryImportTest {

  private static InventoryImport importOf(String resource, FakeRegistry registry) {
    return new InventoryImport(resource, () -> InventoryFixtures.text(resource), registry);
  }

  @Test
  void aMalformedRowSendsNothingAndTheImportGoesOn() {
    FakeRegistry registry = new FakeRegistry();

    Summary summary = importOf(InventoryFixtures.MALFORMED, registry).run();

    assertThat(summary.rows()).isEqualTo(3);
    assertThat(summary.importedRows()).isEqualTo(2);
    assertThat(summary.failedRows()).isEqualTo(1);
    assertThat(summary.forumsRegistered()).isEqualTo(2);
    assertThat(summary.requestsSent()).isEqualTo(10).isEqualTo(registry.sent.size());
    assertThat(summary.problems())
        .singleElement()
        .asString()
        .startsWith("line 4: section 9.1.2: kind 'NETWERK'");
    assertThat(registry.sent)
        .noneMatch(s -> s.idempotencyKey().contains("/9.1.2/") || s.path().contains("id-9.1.2"));
    assertThat(registry.sent)
        .extracting(s -> s.method() + " " + s.path())
        .containsExactly(
            "POST /forums",
            "PUT /forums/id-9.1.1/headcounts/2023/SLK",
            "PUT /forums/id-9.1.1/headcounts/2023/KS",
            "PUT /forums/id-9.1.1/fees/2023",
            "PUT /forums/id-9.1.1/other-costs/2023",
            "POST /forums",
            "PUT /forums/id-9.1.3/headcounts/2023/KS",
            "PUT /forums/id-9.1.3/fees/2023",
            "PUT /forums/id-9.1.3/other-costs/2023",
            "PUT /forums/id-9.1.3/status");
    assertThat(registry.sent.get(0).idempotencyKey()).isEqualTo("inventory-2023/9.1.1/register");
  }

  @Test
  void theReportsUnitsAndGoalsAreRegisteredBeforeTheFirstForumEachWithItsSource() {
    FakeRegistry registry = new FakeRegistry();

    Summary summary =
        importOf(InventoryFixtures.MALFORMED, registry).withCityData(CityData.shipped()).run();

    assertThat(summary.failedRows()).isEqualTo(1);
    assertThat(summary.requestsSent()).isEqualTo(25).isEqualTo(registry.sent.size());
    List<String> first15 =
        registry.sent.subList(0, 15).stream().map(s -> s.method() + " " + s.path()).toList();
    assertThat(first15)
        .startsWith("PUT /units/KS", "PUT /units/SLK", "PUT /units/MKN")
        .endsWith(
            "PUT /goals/kompetensforsorjning-2023",
            "PUT /goals/social-hallbarhet-2023",
            "PUT /goals/segregation-2023",
            "PUT /goals/ekologisk-hallbarhet-2023",
            "PUT /goals/miljo-och-klimat-2023");
    assertThat(registry.sent.get(15).path()).isEqualTo("/forums");
    FakeRegistry.Sent mkn = registry.sent.get(2);
    assertThat(mkn.idempotencyKey()).isEqualTo("units-and-goals-2023/unit/MKN");
    CityData.UnitBody body = (CityData.UnitBody) mkn.body();
    assertThat(body.name()).isEqualTo("miljö- och klimatnämnden");
    assertThat(body.source().phrase())
        .isEqualTo(
            "dessa frågor till stor del ligger inom miljö- och klimatnämndens ansvarsområde");
    assertThat(body.source().document()).startsWith("SLK-2023-01081");
    assertThat(body.reason()).contains("SLK-2023-01081");
  }

  @Test
  void aRefusedUnitIsReportedAndTheForumsAreStillImported() {
    FakeRegistry registry = new FakeRegistry();
    registry.refuse = s -> s.path().equals("/units/SMN");

    Summary summary =
        importOf(InventoryFixtures.MALFORMED, registry).withCityData(CityData.shipped()).run();

    assertThat(summary.importedRows()).isEqualTo(2);
    assertThat(summary.failedRows()).isEqualTo(2);
    assertThat(summary.problems())
        .anyMatch(p -> p.startsWith(CityData.RESOURCE + ": PUT /units/SMN answered 422"));
  }

  @Test
  void rowsSentAFewAtATimeGiveTheSameSummaryAndKeepEachRowsWritesInOrder() {
    FakeRegistry oneAtATime = new FakeRegistry();
    FakeRegistry fourAtATime = new FakeRegistry();
    oneAtATime.refuse = s -> s.path().endsWith("id-2.9.1/fees/2023");
    fourAtATime.refuse = oneAtATime.refuse;
    String resource = InventoryImport.DEFAULT_RESOURCE;

    Summary sequential =
        new InventoryImport(resource, () -> InventoryFixtures.text(resource), oneAtATime).run();
    Summary concurrent =
        new InventoryImport(resource, () -> InventoryFixtures.text(resource), fourAtATime, 4).run();

    assertThat(concurrent).isEqualTo(sequential);
    assertThat(concurrent.failedRows()).isEqualTo(1);
    assertThat(fourAtATime.sent).containsExactlyInAnyOrderElementsOf(oneAtATime.sent);
    assertThat(fourAtATime.sent.stream().filter(s -> s.path().contains("id-2.9.1/")))
        .containsExactlyElementsOf(
            oneAtATime.sent.stream().filter(s -> s.path().contains("id-2.9.1/")).toList());
  }

  @Test
  void replayedRegistrationsAreImportedButNotCountedAsRegistered() {
    FakeRegistry registry = new FakeRegistry();
    registry.replay = true;

    Summary summary = importOf(InventoryImport.DEFAULT_RESOURCE, registry).run();

    assertThat(summary.rows()).isEqualTo(108);
    assertThat(summary.importedRows()).isEqualTo(108);
    assertThat(summary.failedRows()).isZero();
    assertThat(summary.forumsRegistered()).isZero();
    assertThat(summary.requestsSent()).isEqualTo(536);
    assertThat(summary.toString()).contains("108 already registered by an earlier run");
  }

  @Test
  void aRefusedWriteFailsItsRowWithTheProblemDetailAndStopsThatRow() {
    FakeRegistry registry = new FakeRegistry();
    registry.refuse = s -> s.path().equals("/forums/id-9.1.1/fees/2023");

    Summary summary = importOf(InventoryFixtures.MALFORMED, registry).run();

    assertThat(summary.failedRows()).isEqualTo(2);
    assertThat(summary.importedRows()).isEqualTo(1);
    assertThat(summary.problems())
        .first()
        .asString()
        .isEqualTo(
            "line 2: section 9.1.1: PUT /forums/id-9.1.1/fees/2023 answered 422 (A rule of the forum"
                + " was broken): toYear cannot be before fromYear [toYear: toYear cannot be before fromYear]");
    assertThat(registry.sent).noneMatch(s -> s.path().equals("/forums/id-9.1.1/other-costs/2023"));
    assertThat(registry.sent).anyMatch(s -> s.path().equals("/forums/id-9.1.3/status"));
  }

  @Test
  void anUnreachableRegistryIsReportedPerRow() {
    FakeRegistry registry = new FakeRegistry();
    registry.unreachable = s -> true;

    Summary summary = importOf(InventoryFixtures.MALFORMED, registry).run();

    assertThat(summary.importedRows()).isZero();
    assertThat(summary.failedRows()).isEqualTo(3);
    assertThat(summary.problems())
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("line 2: section 9.1.1: the registry could not be reached"));
  }

  @Test
  void anUnusableHeaderFailsEveryRowWithoutSendingAnything() {
    FakeRegistry registry = new FakeRegistry();
    String text =
        InventoryFixtures.text(InventoryFixtures.MALFORMED).replaceFirst(",fee_tkr,", ",fee,");

    Summary summary = new InventoryImport("broken.csv", () -> text, registry).run();

    assertThat(registry.sent).isEmpty();
    assertThat(summary.failedRows()).isEqualTo(3);
    assertThat(summary.problems()).containsExactly("line 1: the header lacks the columns fee_tkr");
  }

  @Test
  void aFileThatCannotBeParsedToTheEndNeverLooksComplete() {
    FakeRegistry registry = new FakeRegistry();
    String text = InventoryFixtures.text(InventoryFixtures.MALFORMED) + "9.1.4,\"never closed\n";

    Summary summary = new InventoryImport("broken.csv", () -> text, registry).run();

    assertThat(summary.rows()).isEqualTo(4);
    assertThat(summary.importedRows()).isEqualTo(2);
    assertThat(summary.failedRows()).isEqualTo(2);
    assertThat(summary.problems())
        .last()
        .asString()
        .startsWith("line 6: the file cannot be read as CSV from here on");
  }

  @Test
  void summaryReadsAsOneParagraph() {
    Summary summary =
        new Summary(3, 2, 1, 10, 2, List.of("line 4: section 9.1.2: fee_tkr is required"));

    assertThat(summary.toString())
        .isEqualTo(
            "Inventory 2023 import: 3 rows read, 2 imported, 1 failed; 2 forums newly registered;"
                + " 10 requests sent to the registry. Problems: line 4: section 9.1.2: fee_tkr is required");
  }
}
