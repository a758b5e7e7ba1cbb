package org.forumledger.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.testing.EventStream;
import org.forumledger.reporting.support.Fixture;
import org.forumledger.reporting.support.ReportingStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The appendix as HTML, CSV and XLSX: the 2023 layout, and totals equal to the totals endpoint's
 * for the same year and slice of time (CSV parsed with Commons CSV, XLSX with POI).
 */
class ReportIT {

  private static ReportingStack stack;

  @BeforeAll
  static void start() {
    stack = ReportingStack.start();
    EventStream events = new EventStream(1);
    List<EventEnvelope> all = new ArrayList<>(Fixture.inventory2023(events));
    // recorded after 2024-03-01: changes the current totals but not those known on that day
    all.add(
        events.envelope(
            forum("revast").fee(2023).amount("70449.99").correction(),
            "2024-05-01T00:00:00Z",
            "2023-01-01"));
    stack.publishAll(all);
    all.forEach(e -> stack.awaitHandled(e.metadata().eventId()));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void csvTotalsEqualTheTotalsEndpoint() throws IOException {
    for (String slice : List.of("", "&asOf=2023-12-31&knownAt=2024-03-01T00:00:00Z")) {
      JsonNode totals = stack.asViewer("/reports/totals?year=2023" + slice);
      List<CSVRecord> rows = csv("/reports/appendix?year=2023&format=csv" + slice);

      CSVRecord grand = only(rows, AppendixRenderer.GRAND_TOTAL);
      assertThat(new BigDecimal(grand.get(6)))
          .isEqualByComparingTo(totals.get("annualFeeTotalTkr").decimalValue());
      assertThat(new BigDecimal(grand.get(7)))
          .isEqualByComparingTo(totals.get("otherCostTotalTkr").decimalValue());
      CSVRecord exact = only(rows, AppendixRenderer.GRAND_TOTAL_SEK);
      assertThat(new BigDecimal(exact.get(6)))
          .isEqualByComparingTo(totals.get("annualFeeTotal").decimalValue());
      assertThat(new BigDecimal(exact.get(7)))
          .isEqualByComparingTo(totals.get("otherCostTotal").decimalValue());

      List<CSVRecord> areas =
          rows.stream().filter(r -> r.get(0).equals(AppendixRenderer.AREA_TOTAL)).toList();
      assertThat(areas).hasSize(totals.get("byArea").size());
      for (int i = 0; i < areas.size(); i++) {
        JsonNode area = totals.get("byArea").get(i);
        assertThat(areas.get(i).get(1)).isEqualTo(area.get("area").asText());
        assertThat(new BigDecimal(areas.get(i).get(6)))
            .isEqualByComparingTo(tkr(area.get("annualFeeTotal").decimalValue()));
        assertThat(new BigDecimal(areas.get(i).get(7)))
            .isEqualByComparingTo(tkr(area.get("otherCostTotal").decimalValue()));
      }
    }
    assertThat(stack.asViewer("/reports/totals?year=2023").get("annualFeeTotalTkr").decimalValue())
        .isEqualTo(new BigDecimal("87.7"));
    assertThat(
            stack
                .asViewer("/reports/totals?year=2023&asOf=2023-12-31&knownAt=2024-03-01T00:00:00Z")
                .get("annualFeeTotalTkr")
                .decimalValue())
        .isEqualTo(new BigDecimal("87.3"));
  }

  @Test
  void csvRowsFollowThe2023Layout() throws IOException {
    List<CSVRecord> rows = csv("/reports/appendix?year=2023&format=csv");
    assertThat(rows.get(0).get(6)).isEqualTo("Årsavgift 2023 tkr");
    List<CSVRecord> forums = rows.stream().filter(r -> r.get(0).equals("forum")).toList();
    assertThat(forums)
        .extracting(r -> r.get(2))
        .containsExactly("2.1.2", "2.1.3", "2.2.10", "2.14.6.1");
    CSVRecord struktur = forums.get(0);
    assertThat(struktur.get(4)).isEqualTo("-");
    assertThat(struktur.get(5)).isEqualTo("1");
    assertThat(struktur.get(6)).isEqualTo("-");
    assertThat(struktur.get(7)).isEqualTo("ej beräknad");
    CSVRecord string = forums.get(2);
    assertThat(string.get(4)).isEqualTo("1-2");
    assertThat(string.get(5)).isEqualTo("2 per forum");
    assertThat(string.get(6)).isEqualTo("17.3");
    assertThat(forums.get(3).get(6)).isEqualTo("se 2.14.6");
    assertThat(forums.get(3).get(7)).isEqualTo("se 2.14.6");
  }

  @Test
  void xlsxTotalsEqualTheTotalsEndpoint() throws IOException {
    JsonNode totals = stack.asViewer("/reports/totals?year=2023&asOf=2023-12-31");
    byte[] bytes =
        stack
            .http
            .get()
            .uri("/reports/appendix?year=2023&asOf=2023-12-31&format=xlsx")
            .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(ReportController.XLSX)
            .expectBody()
            .returnResult()
            .getResponseBodyContent();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = workbook.getSheet("Bilaga 2023");
      Row grand = row(sheet, AppendixRenderer.GRAND_TOTAL);
      assertThat(number(grand.getCell(6)))
          .isEqualTo(totals.get("annualFeeTotalTkr").decimalValue());
      assertThat(number(grand.getCell(7)))
          .isEqualTo(totals.get("otherCostTotalTkr").decimalValue());
      Row exact = row(sheet, AppendixRenderer.GRAND_TOTAL_SEK);
      assertThat(new BigDecimal(exact.getCell(6).getStringCellValue()))
          .isEqualByComparingTo(totals.get("annualFeeTotal").decimalValue());
      assertThat(new BigDecimal(exact.getCell(7).getStringCellValue()))
          .isEqualByComparingTo(totals.get("otherCostTotal").decimalValue());
      int areaRows = 0;
      for (Row row : sheet) {
        if (AppendixRenderer.AREA_TOTAL.equals(row.getCell(0).getStringCellValue())) {
          JsonNode area = totals.get("byArea").get(areaRows++);
          assertThat(row.getCell(1).getStringCellValue()).isEqualTo(area.get("area").asText());
          assertThat(number(row.getCell(6)))
              .isEqualTo(tkr(area.get("annualFeeTotal").decimalValue()));
        }
      }
      assertThat(areaRows).isEqualTo(totals.get("byArea").size());
    }
  }

  @Test
  void htmlShowsAreasInOrderAndTheSameTotals() {
    JsonNode totals = stack.asViewer("/reports/totals?year=2023");
    String html =
        stack
            .http
            .get()
            .uri("/reports/appendix?year=2023")
            .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    String feeTkr =
        totals.get("annualFeeTotalTkr").decimalValue().toPlainString().replace('.', ',');
    assertThat(html).contains("<td class=\"n fee\">" + feeTkr + " tkr</td>");
    assertThat(html.indexOf(Fixture.REGIONAL)).isLessThan(html.indexOf(Fixture.TRANSPORT));
    assertThat(html.indexOf(Fixture.TRANSPORT)).isLessThan(html.indexOf(Fixture.INTERNATIONAL));
    assertThat(html)
        .contains("ej beräknad")
        .contains("se 2.14.6")
        .contains("1 forum har kostnader");
    byte[] pdf =
        stack
            .http
            .get()
            .uri("/reports/appendix?year=2023&format=pdf")
            .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PDF)
            .expectBody()
            .returnResult()
            .getResponseBodyContent();
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    stack
        .http
        .get()
        .uri("/reports/appendix?year=2023&format=doc")
        .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  private static List<CSVRecord> csv(String uri) throws IOException {
    String body =
        new String(
            stack
                .http
                .get()
                .uri(uri)
                .headers(h -> h.setBasicAuth("viewer", ReportingStack.VIEWER))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody()
                .returnResult()
                .getResponseBodyContent(),
            StandardCharsets.UTF_8);
    return CSVFormat.RFC4180.parse(new StringReader(body)).getRecords();
  }

  private static CSVRecord only(List<CSVRecord> rows, String type) {
    List<CSVRecord> matching = rows.stream().filter(r -> r.get(0).equals(type)).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  private static Row row(Sheet sheet, String type) {
    for (Row row : sheet) {
      if (type.equals(row.getCell(0).getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError("No row " + type);
  }

  private static BigDecimal number(Cell cell) {
    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
    return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(1, RoundingMode.HALF_UP);
  }

  private static BigDecimal tkr(BigDecimal sek) {
    return sek.divide(BigDecimal.valueOf(1000)).setScale(1, RoundingMode.HALF_UP);
  }
}
