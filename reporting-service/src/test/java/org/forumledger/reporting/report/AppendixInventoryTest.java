package org.forumledger.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.CostStatus;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.testing.CostRatesRecordedBuilder;
import org.forumledger.events.testing.EventStream;
import org.forumledger.events.testing.Inventory2023;
import org.forumledger.reporting.history.ForumFold;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.history.TotalsCalculator;
import org.forumledger.reporting.support.Meetings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 2023 appendix against the data file, every section of it: the facts of each row of {@code
 * data/inventory-2023.csv} as the importer records them, laid out, then each heading, row, cell and
 * total of the CSV, the HTML page and the PDF compared with the row it came from.
 */
class AppendixInventoryTest {

  private static final Path DATA = Path.of("..", "data", "inventory-2023.csv");
  private static final String T = "2024-02-26T09:15:00Z";

  private static List<CSVRecord> data;
  private static AppendixReport report;
  private static List<EventEnvelope> inventory;

  @BeforeAll
  static void layOut() throws IOException {
    try (Reader in = Files.newBufferedReader(DATA, StandardCharsets.UTF_8)) {
      data =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(in)
              .getRecords();
    }
    EventStream events = new EventStream(1);
    List<EventEnvelope> all = new ArrayList<>();
    for (CSVRecord r : data) {
      all.addAll(Inventory2023.facts(events, r));
    }
    inventory = all;
    report =
        AppendixBuilder.build(
            TotalsCalculator.totals(ForumFold.fold(all, TimeSlice.CURRENT).values(), 2023, 1),
            null,
            null);
  }

  @Test
  void everyRowOfTheDataFileIsInTheCsvInItsOrderWithItsCells() throws IOException {
    List<CSVRecord> forums =
        appendixCsv().stream().filter(r -> r.get(0).equals(AppendixRenderer.FORUM)).toList();

    assertThat(forums).hasSize(data.size()).hasSize(108);
    for (int i = 0; i < data.size(); i++) {
      CSVRecord expected = data.get(i);
      CSVRecord row = forums.get(i);
      String at = "section " + expected.get("section");
      assertThat(row.get(1)).as(at).isEqualTo(expected.get("area"));
      assertThat(row.get(2)).as(at).isEqualTo(expected.get("section"));
      assertThat(row.get(3)).as(at).isEqualTo(expected.get("name"));
      assertThat(row.get(4)).as(at).isEqualTo(slk(expected));
      assertThat(row.get(5)).as(at).isEqualTo(ks(expected));
      assertThat(row.get(6)).as(at).isEqualTo(cell(expected, "fee", false));
      assertThat(row.get(7)).as(at).isEqualTo(cell(expected, "other_cost", false));
    }
  }

  @Test
  void eccarPrintsItsSekFigureAndEurocitiesItsKsAsWritten() throws IOException {
    CSVRecord eccar = forumRow("2.8.4");
    CSVRecord eurocities = forumRow("2.14.6");

    // 1 500 EUR recorded beside the printed 16 tkr: the appendix prints the SEK figure
    assertThat(eccar.get(3)).contains("(ECCAR)");
    assertThat(eccar.get(6)).isEqualTo("16");
    assertThat(eurocities.get(5)).isEqualTo("2 per forum");
    assertThat(eurocities.get(4)).isEqualTo("1");
    String html = new String(AppendixRenderer.html(report), StandardCharsets.UTF_8);
    assertThat(html).contains("<td class=\"n\">1</td><td class=\"n\">2 per forum</td>");
  }

  @Test
  void theHeadingsAreTheAreasAndSubAreasOfTheDataWithTheirSectionNumbers() throws IOException {
    List<String> expected = new ArrayList<>();
    String area = null;
    String subarea = null;
    for (CSVRecord r : data) {
      String[] parts = r.get("section").split("\\.");
      if (!r.get("area").equals(area)) {
        area = r.get("area");
        subarea = null;
        expected.add(
            "område|" + parts[0] + "." + parts[1] + "|" + parts[0] + "." + parts[1] + " " + area);
      }
      if (!r.get("subarea").isEmpty() && !r.get("subarea").equals(subarea)) {
        subarea = r.get("subarea");
        String number = parts[0] + "." + parts[1] + "." + parts[2];
        expected.add("delområde|" + number + "|" + number + " " + subarea);
      }
    }

    List<String> headings =
        appendixCsv().stream()
            .filter(
                r ->
                    r.get(0).equals(AppendixRenderer.AREA)
                        || r.get(0).equals(AppendixRenderer.SUBAREA))
            .map(r -> r.get(0) + "|" + r.get(2) + "|" + r.get(3))
            .toList();

    assertThat(headings).containsExactlyElementsOf(expected);
    assertThat(headings)
        .contains(
            "område|2.12|2.12 Offentlig förvaltning",
            "delområde|2.12.1|2.12.1 Kommunledning",
            "delområde|2.12.6|2.12.6 Digitalisering")
        .hasSize(14 + 7);
    String html = new String(AppendixRenderer.html(report), StandardCharsets.UTF_8);
    for (String heading : expected) {
      String text = heading.substring(heading.lastIndexOf('|') + 1);
      assertThat(html)
          .containsAnyOf(
              "<h2 class=\"area\">" + text + "</h2>",
              "<tr class=\"subarea\"><th colspan=\"6\">" + text + "</th></tr>");
    }
  }

  @Test
  void thePagePrintsEveryRowsAmountsAsTheReportDoes() {
    String html = new String(AppendixRenderer.html(report), StandardCharsets.UTF_8);
    List<String> rows = new ArrayList<>();
    Matcher m = Pattern.compile("<tr class=\"forum\">(.*?)</tr>").matcher(html);
    while (m.find()) {
      rows.add(m.group(1));
    }

    assertThat(rows).hasSize(data.size());
    for (int i = 0; i < data.size(); i++) {
      CSVRecord r = data.get(i);
      assertThat(rows.get(i))
          .as("section " + r.get("section"))
          .isEqualTo(
              "<td>"
                  + r.get("section")
                  + "</td><td>"
                  + escaped(r.get("name"))
                  + "</td><td class=\"n\">"
                  + slk(r)
                  + "</td><td class=\"n\">"
                  + ks(r)
                  + "</td><td class=\"n\">"
                  + cell(r, "fee", true)
                  + "</td><td class=\"n\">"
                  + cell(r, "other_cost", true)
                  + "</td>");
    }
    assertThat(html)
        .contains("<td class=\"n\">2 000</td>")
        .contains("<td class=\"n fee\">7 905 tkr</td><td class=\"n other\">2 079 tkr</td>")
        .contains("<p class=\"not-calculated\">6 forum har")
        .contains("Exakt: årsavgifter 7 905 000 kr, övriga kostnader 2 079 000 kr.")
        .doesNotContain("2000,0");
  }

  @Test
  void eachAreaTotalIsTheSumOfItsRowsInTheDataFile() throws IOException {
    Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
    for (CSVRecord r : data) {
      BigDecimal[] s =
          sums.computeIfAbsent(
              r.get("area"), a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      s[0] =
          s[0].add(r.get("fee_tkr").isEmpty() ? BigDecimal.ZERO : new BigDecimal(r.get("fee_tkr")));
      s[1] =
          s[1].add(
              r.get("other_cost_tkr").isEmpty()
                  ? BigDecimal.ZERO
                  : new BigDecimal(r.get("other_cost_tkr")));
    }

    List<CSVRecord> totals =
        appendixCsv().stream().filter(r -> r.get(0).equals(AppendixRenderer.AREA_TOTAL)).toList();

    assertThat(totals).extracting(r -> r.get(1)).containsExactlyElementsOf(sums.keySet());
    for (CSVRecord total : totals) {
      BigDecimal[] s = sums.get(total.get(1));
      assertThat(new BigDecimal(total.get(6))).as(total.get(1)).isEqualByComparingTo(s[0]);
      assertThat(new BigDecimal(total.get(7))).as(total.get(1)).isEqualByComparingTo(s[1]);
    }
    // the page prints each area's sums in tkr with Swedish grouping, as the report does
    String html = new String(AppendixRenderer.html(report), StandardCharsets.UTF_8);
    sums.forEach(
        (area, s) ->
            assertThat(html)
                .as(area)
                .contains(
                    "<tr class=\"total\" data-area=\""
                        + escaped(area)
                        + "\"><td></td><td>Summa</td><td></td><td></td><td class=\"n fee\">"
                        + Amounts.swedish(s[0])
                        + "</td><td class=\"n other\">"
                        + Amounts.swedish(s[1])
                        + "</td></tr>"));
    CSVRecord grand =
        appendixCsv().stream()
            .filter(r -> r.get(0).equals(AppendixRenderer.GRAND_TOTAL))
            .findFirst()
            .orElseThrow();
    assertThat(grand.get(3)).isEqualTo("Totalt (108 forum, 6 med ej beräknad kostnad)");
    assertThat(grand.get(6)).isEqualTo("7905");
    assertThat(grand.get(7)).isEqualTo("2079");
  }

  @Test
  void thePdfOpensAndShowsTheSameTotals() throws IOException {
    byte[] pdf = AppendixRenderer.pdf(report);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
      assertThat(text)
          .contains("Nätverk och samarbeten 2023")
          .contains("2.12.1 Kommunledning")
          .contains("7 905 tkr")
          .contains("2 079 tkr")
          .contains("6 forum har kostnader som inte har kunnat beräknas")
          .contains("Exakt: årsavgifter 7 905 000 kr, övriga kostnader 2 079 000 kr.")
          .contains("(ECCAR)")
          .contains("2 per forum");
    }
  }

  @Test
  void aForumWhoseCostWasNotCalculatedTakesTheFigureDerivedFromItsMeetingsInEveryFormat()
      throws IOException {
    EventStream more = new EventStream(10_000);
    List<EventEnvelope> all = new ArrayList<>(inventory);
    all.addAll(Meetings.threeIn2023(more, "2.1.2", T));
    CostRatesRecorded rates =
        CostRatesRecordedBuilder.rates(2023)
            .salary(Meetings.RATES_SALARY)
            .overhead(Meetings.RATES_OVERHEAD)
            .payload();
    var folded = ForumFold.fold(all, TimeSlice.CURRENT).values();

    AppendixReport unpriced =
        AppendixBuilder.build(TotalsCalculator.totals(folded, 2023, 1, null), null, null);
    AppendixReport derived =
        AppendixBuilder.build(TotalsCalculator.totals(folded, 2023, 1, rates), null, null);

    // without rates the three meetings leave it not calculated, and the totals as printed
    assertThat(unpriced.notCalculatedCount()).isEqualTo(6);
    assertThat(unpriced.otherCostTotalSek()).isEqualByComparingTo("2079000");
    // 10 h × 350 × 1.4636 + 3 790 = 8 912.60 SEK; the forum leaves the not-calculated count
    assertThat(derived.notCalculatedCount()).isEqualTo(5);
    assertThat(derived.feeTotalSek()).isEqualByComparingTo("7905000");
    assertThat(derived.otherCostTotalSek()).isEqualByComparingTo("2087912.60");
    List<CSVRecord> csv =
        CSVFormat.RFC4180
            .parse(
                new StringReader(new String(AppendixRenderer.csv(derived), StandardCharsets.UTF_8)))
            .getRecords();
    assertThat(csv.get(0).get(8)).isEqualTo(AppendixRenderer.BASIS);
    CSVRecord row =
        csv.stream()
            .filter(r -> r.get(0).equals(AppendixRenderer.FORUM) && r.get(2).equals("2.1.2"))
            .findFirst()
            .orElseThrow();
    assertThat(row.get(7)).isEqualTo("8.9");
    assertThat(row.get(8)).isEqualTo("härledd ur 3 registrerade möten");
    String html = new String(AppendixRenderer.html(derived), StandardCharsets.UTF_8);
    assertThat(html).contains("härledd ur 3 registrerade möten").contains("2 087,9");
    try (PDDocument document = Loader.loadPDF(AppendixRenderer.pdf(derived))) {
      String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
      assertThat(text)
          .contains("härledd ur 3 registrerade möten")
          .contains("5 forum har kostnader som inte har kunnat beräknas");
    }
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(AppendixRenderer.xlsx(derived)))) {
      boolean marked = false;
      for (org.apache.poi.ss.usermodel.Row r : book.getSheetAt(0)) {
        if (r.getCell(2) != null && "2.1.2".equals(r.getCell(2).getStringCellValue())) {
          assertThat(r.getCell(7).getNumericCellValue()).isEqualTo(8.9);
          assertThat(r.getCell(8).getStringCellValue())
              .isEqualTo("härledd ur 3 registrerade möten");
          marked = true;
        }
      }
      assertThat(marked).isTrue();
    }
    CSVRecord unpricedRow =
        CSVFormat.RFC4180
            .parse(
                new StringReader(
                    new String(AppendixRenderer.csv(unpriced), StandardCharsets.UTF_8)))
            .getRecords()
            .stream()
            .filter(r -> r.get(0).equals(AppendixRenderer.FORUM) && r.get(2).equals("2.1.2"))
            .findFirst()
            .orElseThrow();
    assertThat(unpricedRow.get(7)).isEqualTo("ej beräknad");
    assertThat(unpricedRow.get(8))
        .isEqualTo("3 registrerade möten, inga kostnadssatser registrerade för 2023");
  }

  private static CSVRecord forumRow(String section) throws IOException {
    return appendixCsv().stream()
        .filter(r -> r.get(0).equals(AppendixRenderer.FORUM) && r.get(2).equals(section))
        .findFirst()
        .orElseThrow();
  }

  private static List<CSVRecord> appendixCsv() throws IOException {
    return CSVFormat.RFC4180
        .parse(new StringReader(new String(AppendixRenderer.csv(report), StandardCharsets.UTF_8)))
        .getRecords();
  }

  private static String slk(CSVRecord r) {
    return r.get("slk_as_written").isEmpty() ? "-" : r.get("slk_as_written");
  }

  private static String ks(CSVRecord r) {
    if (!r.get("ks_as_written").isEmpty()) {
      return r.get("ks_as_written");
    }
    return r.get("ks_count").isEmpty() ? "-" : r.get("ks_count");
  }

  /** The cell as the report prints it ({@code printed}) or as CSV keeps it. */
  private static String cell(CSVRecord r, String cost, boolean printed) {
    return switch (CostStatus.valueOf(r.get(cost + "_status"))) {
      case AMOUNT -> printed ? grouped(r.get(cost + "_tkr")) : r.get(cost + "_tkr");
      case NONE -> "-";
      case NOT_CALCULATED -> "ej beräknad";
      case REPORTED_UNDER -> "se " + r.get(cost + "_reported_under");
    };
  }

  private static String grouped(String tkr) {
    return tkr.length() > 3
        ? tkr.substring(0, tkr.length() - 3) + " " + tkr.substring(tkr.length() - 3)
        : tkr;
  }

  private static String escaped(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;");
  }
}
