package org.forumledger.reporting.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
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
 * Writes the appendix as HTML, PDF (the HTML page rendered), CSV and XLSX. CSV and XLSX share one
 * row layout whose first column says what a row is ({@code område} and {@code delområde} headings
 * with their section number in the third column, {@code forum}, {@code områdessumma}, {@code
 * totalsumma}, {@code totalsumma SEK}), so a machine can find the totals again; their amounts are
 * plain numbers in tkr ("2000"), the HTML and PDF print them as the report does ("2 000").
 */
public final class AppendixRenderer {

  public static final String AREA = "område";
  public static final String SUBAREA = "delområde";
  public static final String FORUM = "forum";
  public static final String AREA_TOTAL = "områdessumma";
  public static final String GRAND_TOTAL = "totalsumma";
  public static final String GRAND_TOTAL_SEK = "totalsumma SEK";

  /** The CSV and XLSX column after the other cost: what a derived other cost rests on. */
  public static final String BASIS = "Underlag övrig kostnad";

  private AppendixRenderer() {}

  /** The machine formats' columns: the report's, then what a derived other cost rests on. */
  static List<String> machineHeader(int year) {
    List<String> titles = new java.util.ArrayList<>(header(year));
    titles.add(BASIS);
    return titles;
  }

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
  public static String text(String value) {
    if (value == null) {
      return "";
    }
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  public static byte[] csv(AppendixReport report) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(machineHeader(report.year()));
      for (AppendixReport.Section section : report.sections()) {
        csv.printRecord(
            AREA, text(section.area()), nullToEmpty(section.number()), text(section.heading()));
        String subarea = null;
        for (AppendixReport.Row row : section.rows()) {
          if (row.subarea() != null && !row.subarea().equals(subarea)) {
            csv.printRecord(
                SUBAREA,
                text(section.area()),
                nullToEmpty(row.subareaNumber()),
                text(row.subareaHeading()));
          }
          subarea = row.subarea();
          csv.printRecord(
              FORUM,
              text(section.area()),
              nullToEmpty(row.reference()),
              text(row.name()),
              row.slkParticipants(),
              row.ksRepresentatives(),
              row.feeCell(),
              row.otherCostCell(),
              nullToEmpty(row.otherCostBasis()));
        }
        csv.printRecord(
            AREA_TOTAL,
            text(section.area()),
            nullToEmpty(section.number()),
            "Summa " + section.area(),
            "",
            "",
            Amounts.plain(section.feeTotalTkr()),
            Amounts.plain(section.otherCostTotalTkr()));
      }
      csv.printRecord(
          GRAND_TOTAL,
          "",
          "",
          grandTotalText(report),
          "",
          "",
          Amounts.plain(report.feeTotalTkr()),
          Amounts.plain(report.otherCostTotalTkr()));
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
      CellStyle whole = workbook.createCellStyle();
      whole.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
      CellStyle tenths = workbook.createCellStyle();
      tenths.setDataFormat(workbook.createDataFormat().getFormat("#,##0.0"));
      Styles tkr = new Styles(whole, tenths);
      int r = 0;
      Row header = sheet.createRow(r++);
      List<String> titles = machineHeader(report.year());
      for (int c = 0; c < titles.size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(titles.get(c));
        cell.setCellStyle(bold);
      }
      for (AppendixReport.Section section : report.sections()) {
        Row heading = sheet.createRow(r++);
        text(heading, 0, AREA);
        text(heading, 1, section.area());
        text(heading, 2, section.number());
        text(heading, 3, section.heading());
        heading.getCell(3).setCellStyle(bold);
        String subarea = null;
        for (AppendixReport.Row row : section.rows()) {
          if (row.subarea() != null && !row.subarea().equals(subarea)) {
            Row sub = sheet.createRow(r++);
            text(sub, 0, SUBAREA);
            text(sub, 1, section.area());
            text(sub, 2, row.subareaNumber());
            text(sub, 3, row.subareaHeading());
            sub.getCell(3).setCellStyle(bold);
          }
          subarea = row.subarea();
          Row x = sheet.createRow(r++);
          text(x, 0, FORUM);
          text(x, 1, section.area());
          text(x, 2, row.reference());
          text(x, 3, row.name());
          text(x, 4, row.slkParticipants());
          text(x, 5, row.ksRepresentatives());
          amountOrText(x, 6, row.feeTkr(), row.feeCell(), tkr);
          amountOrText(x, 7, row.otherCostTkr(), row.otherCostCell(), tkr);
          if (row.otherCostBasis() != null) {
            text(x, 8, row.otherCostBasis());
          }
        }
        Row total = sheet.createRow(r++);
        text(total, 0, AREA_TOTAL);
        text(total, 1, section.area());
        text(total, 2, section.number());
        text(total, 3, "Summa " + section.area());
        amountOrText(total, 6, section.feeTotalTkr(), "", tkr);
        amountOrText(total, 7, section.otherCostTotalTkr(), "", tkr);
      }
      Row grand = sheet.createRow(r++);
      text(grand, 0, GRAND_TOTAL);
      text(grand, 3, grandTotalText(report));
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

  /**
   * The page people read, as well-formed XHTML so that {@link #pdf} renders the very same document:
   * headings with their section numbers, amounts in tkr as the report prints them.
   */
  public static byte[] html(AppendixReport report) {
    return page(report).getBytes(StandardCharsets.UTF_8);
  }

  /** The HTML page rendered to PDF (openhtmltopdf on PDFBox), for officials who file it. */
  public static byte[] pdf(AppendixReport report) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(page(report), null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String page(AppendixReport report) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"/>")
        .append("<title>Nätverk och samarbeten ")
        .append(report.year())
        .append("</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;")
        .append("width:100%;margin-bottom:1.5em}th,td{border:1px solid #bbb;padding:.3em .5em}")
        .append("td.n{text-align:right;white-space:nowrap}tr.total td{font-weight:bold}")
        .append("tr.subarea th{text-align:left;background:#eee}")
        .append("@page{size:A4 landscape;margin:1.5cm}</style></head><body>\n")
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
      h.append("<h2 class=\"area\">")
          .append(esc(section.heading()))
          .append("</h2>\n<table><thead><tr>");
      for (String title : titles.subList(2, titles.size())) {
        h.append("<th>").append(esc(title)).append("</th>");
      }
      h.append("</tr></thead><tbody>\n");
      String subarea = null;
      for (AppendixReport.Row row : section.rows()) {
        if (row.subarea() != null && !row.subarea().equals(subarea)) {
          h.append("<tr class=\"subarea\"><th colspan=\"6\">")
              .append(esc(row.subareaHeading()))
              .append("</th></tr>\n");
        }
        subarea = row.subarea();
        h.append("<tr class=\"forum\"><td>")
            .append(esc(row.reference()))
            .append("</td><td>")
            .append(esc(row.name()))
            .append("</td><td class=\"n\">")
            .append(esc(row.slkParticipants()))
            .append("</td><td class=\"n\">")
            .append(esc(row.ksRepresentatives()))
            .append("</td><td class=\"n\">")
            .append(esc(row.feeTkr() == null ? row.feeCell() : Amounts.swedish(row.feeTkr())))
            .append("</td><td class=\"n\">")
            .append(
                esc(
                    row.otherCostTkr() == null
                        ? row.otherCostCell()
                        : Amounts.swedish(row.otherCostTkr())));
        if (row.otherCostBasis() != null) {
          h.append("<br/><span class=\"basis\">")
              .append(esc(row.otherCostBasis()))
              .append("</span>");
        }
        h.append("</td></tr>\n");
      }
      h.append("<tr class=\"total\" data-area=\"")
          .append(esc(section.area()))
          .append("\"><td></td><td>Summa</td><td></td><td></td><td class=\"n fee\">")
          .append(Amounts.swedish(section.feeTotalTkr()))
          .append("</td><td class=\"n other\">")
          .append(Amounts.swedish(section.otherCostTotalTkr()))
          .append("</td></tr>\n")
          .append("</tbody></table>\n");
    }
    h.append("<table class=\"grand\"><tr class=\"total\"><td>Totalt ")
        .append(report.year())
        .append(", ")
        .append(report.forumCount())
        .append(" forum</td><td class=\"n fee\">")
        .append(Amounts.swedish(report.feeTotalTkr()))
        .append(" tkr</td><td class=\"n other\">")
        .append(Amounts.swedish(report.otherCostTotalTkr()))
        .append(" tkr</td></tr></table>\n")
        .append("<p class=\"not-calculated\">")
        .append(report.notCalculatedCount())
        .append(
            " forum har kostnader som inte har kunnat beräknas; de ingår inte i summorna.</p>\n")
        .append("<p class=\"exact\">Exakt: årsavgifter ")
        .append(Amounts.swedish(report.feeTotalSek()))
        .append(" kr, övriga kostnader ")
        .append(Amounts.swedish(report.otherCostTotalSek()))
        .append(" kr.</p>\n</body></html>\n");
    return h.toString();
  }

  private static String grandTotalText(AppendixReport report) {
    return "Totalt ("
        + report.forumCount()
        + " forum, "
        + report.notCalculatedCount()
        + " med ej beräknad kostnad)";
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private record Styles(CellStyle whole, CellStyle tenths) {}

  private static void text(Row row, int column, String value) {
    row.createCell(column).setCellValue(value == null ? "" : value);
  }

  private static void amountOrText(
      Row row, int column, BigDecimal amount, String text, Styles styles) {
    Cell cell = row.createCell(column);
    if (amount != null) {
      cell.setCellValue(amount.doubleValue());
      cell.setCellStyle(
          amount.stripTrailingZeros().scale() <= 0 ? styles.whole() : styles.tenths());
    } else {
      cell.setCellValue(text == null ? "" : text);
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  /** Text escaped for an HTML element or attribute. */
  public static String esc(String value) {
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
