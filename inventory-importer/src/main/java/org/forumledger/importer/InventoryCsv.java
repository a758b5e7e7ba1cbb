package org.forumledger.importer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the inventory file (RFC 4180, header row) into rows that know their physical line. */
final class InventoryCsv {

  static final String SECTION = "section";

  /** The 33 columns of data/README.md, in file order. */
  static final List<String> COLUMNS =
      List.of(
          "section",
          "name",
          "area",
          "subarea",
          "kind",
          "collaboration_type",
          "convener",
          "scope",
          "meetings_as_written",
          "meetings_min",
          "meetings_max",
          "meeting_mode",
          "slk_as_written",
          "slk_min",
          "slk_max",
          "ks_as_written",
          "ks_count",
          "fee_status",
          "fee_tkr",
          "fee_reported_under",
          "other_cost_status",
          "other_cost_tkr",
          "other_cost_reported_under",
          "fee_basis",
          "fee_currency",
          "fee_original_amount",
          "fee_rate_per_inhabitant",
          "project_total_tkr",
          "agreement_from",
          "agreement_to",
          "status",
          "group_note",
          "notes");

  private InventoryCsv() {}

  /**
   * The rows read, and problems with the file as a whole ("line N: ..."). A syntax error stops
   * reading, since nothing after it can be trusted to line up; {@code readToEnd} is then false.
   */
  record Parsed(
      List<InventoryRow> rows, List<String> problems, boolean headerUsable, boolean readToEnd) {}

  static Parsed parse(String text) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    LineIndex lines = new LineIndex(content);
    List<InventoryRow> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    boolean headerUsable = true;
    boolean readToEnd = true;
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(content)).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
      if (!missing.isEmpty()) {
        problems.add("line 1: the header lacks the columns " + String.join(", ", missing));
        headerUsable = false;
      }
      var records = parser.iterator();
      while (true) {
        CSVRecord record;
        // where the next record begins, taken before the iterator reads ahead into it
        long nextLine = parser.getCurrentLineNumber() + 1;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          problems.add(
              "line "
                  + nextLine
                  + ": the file cannot be read as CSV from here on ("
                  + rootMessage(e)
                  + "); the rows after it were not imported");
          readToEnd = false;
          break;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
          values.put(header.get(i), record.get(i));
        }
        rows.add(
            new InventoryRow(lines.lineOf(recordStart(content, record)), values, record.size()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      // a header with duplicate or empty names is rejected by commons-csv before any row
      problems.add("line 1: the header cannot be used (" + e.getMessage() + ")");
      headerUsable = false;
    }
    return new Parsed(List.copyOf(rows), List.copyOf(problems), headerUsable, readToEnd);
  }

  /** A record's position is taken before skipped empty lines; the row starts after them. */
  private static long recordStart(String content, CSVRecord record) {
    int position = (int) record.getCharacterPosition();
    while (position < content.length()
        && (content.charAt(position) == '\n' || content.charAt(position) == '\r')) {
      position++;
    }
    return position;
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /**
   * Physical line numbers from character offsets: commons-csv counts a record's line only after a
   * look-ahead, and a quoted field may span lines, so the offset is the only reliable start.
   */
  private static final class LineIndex {
    private final int[] lineStarts;

    LineIndex(String text) {
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n') {
          starts.add(i + 1);
        } else if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
          starts.add(i + 1);
        }
      }
      lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    long lineOf(long offset) {
      int low = 0;
      int high = lineStarts.length - 1;
      while (low < high) {
        int mid = (low + high + 1) >>> 1;
        if (lineStarts[mid] <= offset) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      return low + 1L;
    }
  }
}
