package org.forumledger.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryCsvTest {

  private static final String HEADER = String.join(",", InventoryCsv.COLUMNS);

  @Test
  void readsTheRealInventoryWithPhysicalLineNumbers() {
    InventoryCsv.Parsed parsed = InventoryCsv.parse(InventoryFixtures.realInventory());

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.headerUsable()).isTrue();
    assertThat(parsed.readToEnd()).isTrue();
    assertThat(parsed.rows()).hasSize(108);
    assertThat(parsed.rows()).allSatisfy(row -> assertThat(row.fieldCount()).isEqualTo(33));
    assertThat(parsed.rows().get(0).line()).isEqualTo(2);
    assertThat(parsed.rows().get(0).get("section")).isEqualTo("2.1.1");
    assertThat(parsed.rows().get(107).line()).isEqualTo(109);
    assertThat(parsed.rows().get(107).get("section")).isEqualTo("2.14.12");
  }

  @Test
  void aQuotedLineBreakMovesTheFollowingRowsDown() {
    List<InventoryRow> rows =
        InventoryCsv.parse(InventoryFixtures.text(InventoryFixtures.MALFORMED)).rows();

    assertThat(rows).extracting(InventoryRow::line).containsExactly(2L, 4L, 5L);
    assertThat(rows.get(0).get("notes")).contains("\ntwo physical lines");
  }

  @Test
  void blankLinesAndCrLfCountAsPhysicalLines() {
    String text = HEADER + "\r\n\r\n" + "9.9.9" + ",".repeat(32) + "\r\n";

    InventoryCsv.Parsed parsed = InventoryCsv.parse(text);

    assertThat(parsed.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.line()).isEqualTo(3);
              assertThat(row.get("section")).isEqualTo("9.9.9");
              assertThat(row.get("name")).as("empty is not stated").isNull();
            });
  }

  @Test
  void aMissingColumnMakesTheHeaderUnusable() {
    String header = HEADER.replace(",fee_tkr", "");

    InventoryCsv.Parsed parsed = InventoryCsv.parse(header + "\n9.9.9\n");

    assertThat(parsed.headerUsable()).isFalse();
    assertThat(parsed.problems()).containsExactly("line 1: the header lacks the columns fee_tkr");
  }

  @Test
  void aRowWithTooFewFieldsKeepsItsCount() {
    InventoryCsv.Parsed parsed = InventoryCsv.parse(HEADER + "\n9.9.9,Name,Area\n");

    assertThat(parsed.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.fieldCount()).isEqualTo(3);
              assertThat(row.get("kind")).isNull();
            });
  }

  @Test
  void anUnterminatedQuoteStopsReadingWithAProblem() {
    String valid = "9.9.1" + ",".repeat(32);
    String text = HEADER + "\n" + valid + "\n9.9.2,\"never closed\n" + valid + "\n";

    InventoryCsv.Parsed parsed = InventoryCsv.parse(text);

    assertThat(parsed.rows()).extracting(InventoryRow::line).containsExactly(2L);
    assertThat(parsed.readToEnd()).isFalse();
    assertThat(parsed.problems())
        .singleElement()
        .asString()
        .startsWith("line 3: the file cannot be read as CSV from here on");
  }

  @Test
  void aByteOrderMarkIsIgnored() {
    String text = "\uFEFF" + HEADER + "\n9.9.9" + ",".repeat(32) + "\n";

    InventoryCsv.Parsed parsed = InventoryCsv.parse(text);

    assertThat(parsed.headerUsable()).isTrue();
    assertThat(parsed.rows()).extracting(r -> r.get("section")).containsExactly("9.9.9");
  }
}
