package org.forumledger.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forumledger.events.EventJson;

/** The three forms of a run's results: a table for the terminal, JSON, and markdown. */
public final class Reports {

  static final List<String> HEADERS =
      List.of("figure", "measured", "baseline (same run)", "ratio", "target", "verdict");

  private static final ObjectMapper JSON =
      EventJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Reports() {}

  public static String table(List<Row> rows) {
    TextTable table = new TextTable(HEADERS, 46);
    for (Row row : rows) {
      table.add(
          List.of(
              row.figure(),
              row.measured(),
              row.baseline(),
              row.ratio(),
              row.target(),
              row.verdict().text()));
    }
    return table.render();
  }

  /** Every figure: the results as measured, then the rows as printed. */
  public static String json(Results results, List<Row> rows) throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("results", results);
    document.put("table", rows);
    return JSON.writeValueAsString(document);
  }

  public static String markdown(Results results, List<Row> rows) {
    Machine m = results.machine();
    StringBuilder out = new StringBuilder();
    out.append("# Benchmark results\n\n")
        .append("- date: ")
        .append(results.date())
        .append("\n- commit: `")
        .append(m.commit())
        .append("`\n- machine: ")
        .append(m.cores())
        .append(" cores (")
        .append(m.cpu())
        .append("), ")
        .append(Format.mib(m.memoryMib()))
        .append(" memory; ")
        .append(m.os())
        .append("\n- java: ")
        .append(m.java())
        .append("\n- settings: ")
        .append(results.settings())
        .append("\n\n")
        .append(
            "Every figure is measured next to its raw baseline in the same run. The targets are")
        .append(
            " those of issue 10; they are reported, never asserted. \"Before\" is what the issue")
        .append(" measured (")
        .append(IssueFigures.SOURCE)
        .append(").\n\n");
    out.append("| figure | measured | baseline (same run) | ratio | target | verdict | before (")
        .append(IssueFigures.SOURCE)
        .append(") |\n|---|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      out.append("| ")
          .append(cell(row.figure()))
          .append(" | ")
          .append(cell(row.measured()))
          .append(" | ")
          .append(cell(row.baseline()))
          .append(" | ")
          .append(cell(row.ratio()))
          .append(" | ")
          .append(cell(row.target()))
          .append(" | ")
          .append(row.verdict() == Row.Verdict.NOT_MET ? "**NOT MET**" : row.verdict().text())
          .append(" | ")
          .append(cell(row.before()))
          .append(" |\n");
    }
    if (!results.notes().isEmpty()) {
      out.append("\n## Notes\n\n");
      results.notes().forEach(note -> out.append("- ").append(note).append('\n'));
    }
    return out.toString();
  }

  static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }

  public static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
