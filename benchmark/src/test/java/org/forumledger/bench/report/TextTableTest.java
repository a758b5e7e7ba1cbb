package org.forumledger.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void columnsAreAsWideAsTheirWidestCell() {
    String table =
        new TextTable(List.of("figure", "measured"), 40)
            .add(List.of("commands/s, 32 clients", "464/s"))
            .add(List.of("reads", "1 382 req/s"))
            .render();

    assertThat(table.lines().toList())
        .containsExactly(
            "figure                 | measured",
            "-----------------------+------------",
            "commands/s, 32 clients | 464/s",
            "reads                  | 1 382 req/s");
  }

  @Test
  void aLongCellWrapsAtSpacesOntoLinesOfTheSameRow() {
    String table =
        new TextTable(List.of("a", "b"), 10)
            .add(List.of("x", "one two three four"))
            .add(List.of("y", "z"))
            .render();

    assertThat(table.lines().toList())
        .containsExactly("a | b", "--+-----------", "x | one two", "  | three four", "y | z");
  }

  @Test
  void aWordLongerThanTheColumnIsCut() {
    assertThat(TextTable.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
  }

  @Test
  void aRowMustFillEveryColumn() {
    TextTable table = new TextTable(List.of("a", "b"), 10);

    assertThatThrownBy(() -> table.add(List.of("only one")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersAreWrittenAsTheIssueWritesThem() {
    assertThat(Format.count(12537)).isEqualTo("12 537");
    assertThat(Format.count(1_000_000)).isEqualTo("1 000 000");
    assertThat(Format.count(-1234)).isEqualTo("-1 234");
    assertThat(Format.rate(78.66)).isEqualTo("78.7/s");
    assertThat(Format.rate(3873.2)).isEqualTo("3 873/s");
    assertThat(Format.millis(10.64)).isEqualTo("10.6 ms");
    assertThat(Format.millis(238.2)).isEqualTo("238 ms");
    assertThat(Format.millis(1850)).isEqualTo("1.9 s");
    assertThat(Format.millis(0.421)).isEqualTo("0.42 ms");
    assertThat(Format.ratio(0.0199)).isEqualTo("0.020");
  }
}
