package org.forumledger.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the appendix as HTML, CSV and XLSX. CSV and XLSX share one row layout whose first column
 * says what a row is ({@code forum}, {@code områdessumma}, {@code totalsumma}, {@code totalsumma
 * SEK}), so a machine can find the totals again.
 */
public final class AppendixRenderer {

  public static final String FORUM = "forum";
  public static final String AREA_TOTAL = "områdessumma";
  public static final String GRAND_TOTAL = "totalsumma";
  public static final String GRAND_TOTAL_SEK = "totalsumma SEK";

  private AppendixRenderer() {}

  static List<String> header(int year) {
    return List.of(
        "Typ",
        "Område",
        "Avsnitt",
        "Forum",
        "Antal deltagande SLK",
        "Antal representanter / deltagande KS",
        "Årsavgift " + year + " tkr",
        "Övrig kostnad " + year + " tkr");
  }

  /** Free text, with a leading formula character neutralised so a spreadsheet shows it as text. */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  public static byte[] csv(AppendixReport report) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(header(report.year()));
      for (AppendixReport.Section section : report.sections()) {
        for (AppendixReport.Row row : section.rows()) {
          csv.printRecord(
              FORUM,
              text(section.area()),
              row.reference(),
              text(row.name()),
              row.slkParticipants(),
              row.ksRepresentatives(),
              row.feeCell(),
              row.otherCostCell());
        }
        csv.printRecord(
            AREA_TOTAL,
            text(section.area()),
            "",
            "Summa " + section.area(),
            "",
            "",
            plain(section.feeTotalTkr()),
            plain(section.otherCostTotalTkr()));
      }
      csv.printRecord(
          GRAND_TOTAL,
          "",
          "",
          "Totalt ("
              + report.forumCount()
              + " forum, "
              + report.notCalculatedCount()
              + " med ej beräknad kostnad)",
          "",
          "",
          plain(report.feeTotalTkr()),
          plain(report.otherCostTotalTkr()));
      csv.printRecord(
          GRAND_TOTAL_SEK,
          "",
          "",
          "Totalt i kronor, exakt",
          "",
          "",
          plain(report.feeTotalSek()),
          plain(report.otherCostTotalSek()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] xlsx(AppendixReport report) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Bilaga " + report.year());
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle tkr = workbook.createCellStyle();
      tkr.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
      int r = 0;
      Row header = sheet.createRow(r++);
      List<String> titles = header(report.year());
      for (int c = 0; c < titles.size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(titles.get(c));
        cell.setCellStyle(bold);
      }
      for (AppendixReport.Section section : report.sections()) {
        for (AppendixReport.Row row : section.rows()) {
          Row x = sheet.createRow(r++);
          text(x, 0, FORUM);
          text(x, 1, section.area());
          text(x, 2, row.reference());
          text(x, 3, row.name());
          text(x, 4, row.slkParticipants());
          text(x, 5, row.ksRepresentatives());
          amountOrText(x, 6, row.feeTkr(), row.feeCell(), tkr);
          amountOrText(x, 7, row.otherCostTkr(), row.otherCostCell(), tkr);
        }
        Row total = sheet.createRow(r++);
        text(total, 0, AREA_TOTAL);
        text(total, 1, section.area());
        text(total, 3, "Summa " + section.area());
        amountOrText(total, 6, section.feeTotalTkr(), "", tkr);
        amountOrText(total, 7, section.otherCostTotalTkr(), "", tkr);
      }
      Row grand = sheet.createRow(r++);
      text(grand, 0, GRAND_TOTAL);
      text(
          grand,
          3,
          "Totalt ("
              + report.forumCount()
              + " forum, "
              + report.notCalculatedCount()
              + " med ej beräknad kostnad)");
      amountOrText(grand, 6, report.feeTotalTkr(), "", tkr);
      amountOrText(grand, 7, report.otherCostTotalTkr(), "", tkr);
      Row exact = sheet.createRow(r);
      text(exact, 0, GRAND_TOTAL_SEK);
      text(exact, 3, "Totalt i kronor, exakt");
      // exact SEK as text: a spreadsheet number is a double
      text(exact, 6, plain(report.feeTotalSek()));
      text(exact, 7, plain(report.otherCostTotalSek()));
      for (int c = 0; c < titles.size(); c++) {
        sheet.setColumnWidth(c, c == 3 ? 60 * 256 : 20 * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] html(AppendixReport report) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">")
        .append("<title>Nätverk och samarbeten ")
        .append(report.year())
        .append("</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;")
        .append("width:100%;margin-bottom:1.5em}th,td{border:1px solid #bbb;padding:.3em .5em}")
        .append("td.n{text-align:right}tr.total td{font-weight:bold}</style></head><body>\n")
        .append("<h1>Nätverk och samarbeten ")
        .append(report.year())
        .append("</h1>\n")
        .append("<p class=\"slice\">Läge: ")
        .append(report.asOf() == null ? "aktuellt" : "per " + report.asOf())
        .append(report.knownAt() == null ? "" : ", som känt " + report.knownAt())
        .append(", position ")
        .append(report.position())
        .append("</p>\n");
    List<String> titles = header(report.year());
    for (AppendixReport.Section section : report.sections()) {
      h.append("<h2>").append(esc(section.area())).append("</h2>\n<table><thead><tr>");
      for (String title : titles.subList(2, titles.size())) {
        h.append("<th>").append(esc(title)).append("</th>");
      }
      h.append("</tr></thead><tbody>\n");
      for (AppendixReport.Row row : section.rows()) {
        h.append("<tr class=\"forum\"><td>")
            .append(esc(row.reference()))
            .append("</td><td>")
            .append(esc(row.name()))
            .append("</td><td class=\"n\">")
            .append(esc(row.slkParticipants()))
            .append("</td><td class=\"n\">")
            .append(esc(row.ksRepresentatives()))
            .append("</td><td class=\"n\">")
            .append(esc(swedish(row.feeCell())))
            .append("</td><td class=\"n\">")
            .append(esc(swedish(row.otherCostCell())))
            .append("</td></tr>\n");
      }
      h.append("<tr class=\"total\" data-area=\"")
          .append(esc(section.area()))
          .append("\"><td></td><td>Summa</td><td></td><td></td><td class=\"n fee\">")
          .append(swedish(plain(section.feeTotalTkr())))
          .append("</td><td class=\"n other\">")
          .append(swedish(plain(section.otherCostTotalTkr())))
          .append("</td></tr>\n")
          .append("</tbody></table>\n");
    }
    h.append("<table class=\"grand\"><tr class=\"total\"><td>Totalt ")
        .append(report.year())
        .append(", ")
        .append(report.forumCount())
        .append(" forum</td><td class=\"n fee\">")
        .append(swedish(plain(report.feeTotalTkr())))
        .append(" tkr</td><td class=\"n other\">")
        .append(swedish(plain(report.otherCostTotalTkr())))
        .append(" tkr</td></tr></table>\n")
        .append("<p class=\"not-calculated\">")
        .append(report.notCalculatedCount())
        .append(
            " forum har kostnader som inte har kunnat beräknas; de ingår inte i summorna.</p>\n")
        .append("<p class=\"exact\">Exakt: årsavgifter ")
        .append(swedish(plain(report.feeTotalSek())))
        .append(" kr, övriga kostnader ")
        .append(swedish(plain(report.otherCostTotalSek())))
        .append(" kr.</p>\n</body></html>\n");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void text(Row row, int column, String value) {
    row.createCell(column).setCellValue(value == null ? "" : value);
  }

  private static void amountOrText(
      Row row, int column, BigDecimal amount, String text, CellStyle style) {
    Cell cell = row.createCell(column);
    if (amount != null) {
      cell.setCellValue(amount.doubleValue());
      cell.setCellStyle(style);
    } else {
      cell.setCellValue(text == null ? "" : text);
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  /** Swedish decimal comma for the page people read; CSV and XLSX keep machine-readable numbers. */
  private static String swedish(String value) {
    return value != null && value.matches("-?\\d+\\.\\d+") ? value.replace('.', ',') : value;
  }

  private static String esc(String value) {
    if (value == null) {
      return "";
    }
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
