package org.forumledger.cost.readmodel;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Rows for one {@code COPY ... FROM STDIN} in PostgreSQL's text format, streamed in chunks. Each
 * value is written as the text PostgreSQL would read back to the value the live consumer's JDBC
 * parameters give, so a bulk-loaded row equals the row the live path writes.
 */
final class CopyText implements AutoCloseable {

  private static final int CHUNK = 1 << 16;
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

  private final CopyIn copy;
  private final StringBuilder chunk = new StringBuilder(CHUNK + 4096);
  private boolean rowStarted;
  private long rows;

  private CopyText(CopyIn copy) {
    this.copy = copy;
  }

  static CopyText into(CopyManager copies, String table, String columns) {
    try {
      return new CopyText(copies.copyIn("copy " + table + " (" + columns + ") from stdin"));
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot start copying into " + table, e);
    }
  }

  CopyText text(String value) {
    separate();
    if (value == null) {
      chunk.append("\\N");
    } else {
      escaped(value);
    }
    return this;
  }

  CopyText number(Number value) {
    separate();
    if (value == null) {
      chunk.append("\\N");
    } else if (value instanceof BigDecimal decimal) {
      chunk.append(decimal.toPlainString());
    } else {
      chunk.append(value);
    }
    return this;
  }

  CopyText bool(boolean value) {
    separate();
    chunk.append(value ? 't' : 'f');
    return this;
  }

  CopyText date(LocalDate value) {
    return value == null ? text(null) : text(value.toString());
  }

  /** Rounded half up to the microsecond, as the JDBC driver sends a {@code Timestamp}. */
  static Instant toMicros(Instant value) {
    return value.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
  }

  /** Rounded half up to the microsecond, as the JDBC driver sends a {@code Timestamp}. */
  CopyText timestamp(Instant value) {
    if (value == null) {
      return text(null);
    }
    Instant micros = toMicros(value);
    LocalDateTime utc = LocalDateTime.ofEpochSecond(micros.getEpochSecond(), 0, ZoneOffset.UTC);
    if (utc.getYear() < 1 || utc.getYear() > 9999) {
      return text(MICROS.format(OffsetDateTime.ofInstant(micros, ZoneOffset.UTC)));
    }
    separate();
    appendUtc(chunk, utc, micros.getNano() / 1000);
    return this;
  }

  /**
   * A {@code text[]}, every element quoted, written straight into the row: an element's quote and
   * backslash escaped for the array, then the copy's own escapes (a rebuild's fact tables are
   * mostly these lists of superseded event ids, and building each array as a string of its own and
   * escaping it again was a third of writing them).
   */
  CopyText textArray(List<String> values) {
    separate();
    chunk.append('{');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        chunk.append(',');
      }
      chunk.append('"');
      String value = values.get(i);
      for (int c = 0; c < value.length(); c++) {
        char ch = value.charAt(c);
        switch (ch) {
          case '"' -> chunk.append("\\\\\"");
          case '\\' -> chunk.append("\\\\\\\\");
          case '\n' -> chunk.append("\\n");
          case '\r' -> chunk.append("\\r");
          case '\t' -> chunk.append("\\t");
          default -> chunk.append(ch);
        }
      }
      chunk.append('"');
    }
    chunk.append('}');
    return this;
  }

  void endRow() {
    chunk.append('\n');
    rowStarted = false;
    rows++;
    if (chunk.length() >= CHUNK) {
      flush();
    }
  }

  /** Ends the copy; the number of rows written. */
  long finish() {
    flush();
    try {
      copy.endCopy();
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Copy failed", e);
    }
    return rows;
  }

  @Override
  public void close() {
    if (copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException e) {
        // the transaction is rolled back anyway
      }
    }
  }

  private void separate() {
    if (rowStarted) {
      chunk.append('\t');
    }
    rowStarted = true;
  }

  private void escaped(String value) {
    if (!needsEscape(value)) {
      chunk.append(value);
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> chunk.append("\\\\");
        case '\n' -> chunk.append("\\n");
        case '\r' -> chunk.append("\\r");
        case '\t' -> chunk.append("\\t");
        default -> chunk.append(c);
      }
    }
  }

  private static boolean needsEscape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\n' || c == '\r' || c == '\t') {
        return true;
      }
    }
    return false;
  }

  /** {@code yyyy-MM-dd HH:mm:ss.SSSSSS+00}, by hand: the formatter cost a fifth of a rebuild. */
  private static void appendUtc(StringBuilder out, LocalDateTime t, int micros) {
    digits(out, t.getYear(), 4).append('-');
    digits(out, t.getMonthValue(), 2).append('-');
    digits(out, t.getDayOfMonth(), 2).append(' ');
    digits(out, t.getHour(), 2).append(':');
    digits(out, t.getMinute(), 2).append(':');
    digits(out, t.getSecond(), 2).append('.');
    digits(out, micros, 6).append("+00");
  }

  private static StringBuilder digits(StringBuilder out, int value, int width) {
    String text = Integer.toString(value);
    for (int pad = text.length(); pad < width; pad++) {
      out.append('0');
    }
    return out.append(text);
  }

  private void flush() {
    if (chunk.isEmpty()) {
      return;
    }
    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
    chunk.setLength(0);
    try {
      copy.writeToCopy(bytes, 0, bytes.length);
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Copy failed", e);
    }
  }
}
