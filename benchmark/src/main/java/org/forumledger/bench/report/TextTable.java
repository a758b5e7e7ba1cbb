package org.forumledger.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the terminal: columns as wide as their widest cell up to a limit, longer
 * cells wrapped at spaces onto further lines of the same row.
 */
public final class TextTable {

  private final List<String> headers;
  private final int maxColumnWidth;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(List<String> headers, int maxColumnWidth) {
    this.headers = List.copyOf(headers);
    this.maxColumnWidth = maxColumnWidth;
  }

  public TextTable add(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException(
          "A row of " + cells.size() + " cells in a table of " + headers.size() + " columns");
    }
    rows.add(cells.stream().map(c -> c == null ? "" : c).toList());
    return this;
  }

  public String render() {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = Math.min(maxColumnWidth, headers.get(c).length());
      for (List<String> row : rows) {
        for (String line : wrap(row.get(c), maxColumnWidth)) {
          widths[c] = Math.max(widths[c], line.length());
        }
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
    }
    out.append(rule.toString().stripTrailing()).append('\n');
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    return out.toString();
  }

  private void line(StringBuilder out, List<String> cells, int[] widths) {
    List<List<String>> wrapped = new ArrayList<>();
    int height = 1;
    for (int c = 0; c < cells.size(); c++) {
      List<String> lines = wrap(cells.get(c), widths[c]);
      wrapped.add(lines);
      height = Math.max(height, lines.size());
    }
    for (int l = 0; l < height; l++) {
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < cells.size(); c++) {
        String part = l < wrapped.get(c).size() ? wrapped.get(c).get(l) : "";
        text.append(c == 0 ? "" : " | ").append(part).append(" ".repeat(widths[c] - part.length()));
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
  }

  /** Lines of at most {@code width} characters, broken at spaces where possible. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        cut = width;
      }
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    lines.add(rest);
    return lines;
  }
}
