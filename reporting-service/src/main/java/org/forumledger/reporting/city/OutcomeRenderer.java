package org.forumledger.reporting.city;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.forumledger.reporting.report.AppendixRenderer;

/**
 * Writes a review's outcome as the executive office hands it to the board: one row per
 * participation in the inventory's order, as HTML (laid out like the appendix's page), CSV and XLSX
 * (the same columns). A participation not yet assessed or decided has empty cells.
 */
public final class OutcomeRenderer {

  public static final List<String> HEADER =
      List.of(
          "Avsnitt",
          "Forum",
          "Område",
          "Enhet",
          "Bedömning",
          "Motivering",
          "Mål",
          "Rekommendation",
          "Beslut",
          "Beslutsreferens",
          "Beslutsdatum",
          "Bedömd av");

  private OutcomeRenderer() {}

  static List<String> cells(CityReports.OutcomeRow r) {
    List<String> cells = new ArrayList<>();
    cells.add(r.inventoryReference());
    cells.add(r.forum() == null ? r.forumId() : r.forum());
    cells.add(r.area());
    cells.add(r.unit().code());
    cells.add(necessity(r));
    cells.add(r.rationale());
    cells.add(String.join("; ", r.goals()));
    cells.add(r.recommendation());
    cells.add(r.decision());
    cells.add(r.decisionReference());
    cells.add(r.decidedOn() == null ? null : r.decidedOn().toString());
    cells.add(r.assessedBy());
    return cells;
  }

  private static String necessity(CityReports.OutcomeRow r) {
    if (r.necessity() == null) {
      return null;
    }
    return switch (r.necessity()) {
      case NECESSARY -> "Nödvändigt";
      case NOT_NECESSARY -> "Inte nödvändigt";
      case UNCERTAIN -> "Osäkert";
    };
  }

  public static byte[] csv(CityReports.Outcome outcome) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      csv.printRecord(HEADER);
      for (CityReports.OutcomeRow row : outcome.rows()) {
        csv.printRecord(cells(row).stream().map(AppendixRenderer::text).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] xlsx(CityReports.Outcome outcome) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Översyn " + safeSheetName(outcome.reviewId()));
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADER.size(); i++) {
        header.createCell(i).setCellValue(HEADER.get(i));
        header.getCell(i).setCellStyle(bold);
      }
      int n = 1;
      for (CityReports.OutcomeRow r : outcome.rows()) {
        Row row = sheet.createRow(n++);
        List<String> cells = cells(r);
        for (int i = 0; i < cells.size(); i++) {
          row.createCell(i).setCellValue(cells.get(i) == null ? "" : cells.get(i));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String safeSheetName(String reviewId) {
    String name = reviewId.replaceAll("[\\\\/?*\\[\\]:]", "-");
    return name.length() > 22 ? name.substring(0, 22) : name;
  }

  public static byte[] html(CityReports.Outcome outcome) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"/>")
        .append("<title>")
        .append(AppendixRenderer.esc(outcome.title()))
        .append("</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;")
        .append("width:100%;margin-bottom:1.5em}th,td{border:1px solid #bbb;padding:.3em .5em;")
        .append("vertical-align:top}@page{size:A4 landscape;margin:1.5cm}</style></head><body>\n")
        .append("<h1>")
        .append(AppendixRenderer.esc(outcome.title()))
        .append("</h1>\n<p class=\"review\">Översyn ")
        .append(AppendixRenderer.esc(outcome.reviewId()))
        .append(", mandatperiod ")
        .append(AppendixRenderer.esc(outcome.period()))
        .append(", uppdrag ")
        .append(AppendixRenderer.esc(outcome.decisionReference()))
        .append(outcome.status() == City.Status.CLOSED ? ", avslutad" : ", pågående")
        .append("</p>\n<p class=\"slice\">Läge: ")
        .append(outcome.asOf() == null ? "aktuellt" : "per " + outcome.asOf())
        .append(outcome.knownAt() == null ? "" : ", som känt " + outcome.knownAt())
        .append("</p>\n<table><thead><tr>");
    for (String title : HEADER) {
      h.append("<th>").append(AppendixRenderer.esc(title)).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (CityReports.OutcomeRow r : outcome.rows()) {
      h.append("<tr class=\"participation\">");
      for (String cell : cells(r)) {
        h.append("<td>").append(AppendixRenderer.esc(cell)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n</body></html>\n");
    return h.toString().getBytes(StandardCharsets.UTF_8);
  }
}
