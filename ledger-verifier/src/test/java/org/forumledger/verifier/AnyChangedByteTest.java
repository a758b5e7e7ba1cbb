package org.forumledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.forumledger.events.CostStatus;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.testing.TestKeys;

/** Whatever single byte of an export is changed, the check fails and names that byte's line. */
class AnyChangedByteTest {

  private static final byte[] FILE = exported();

  private static byte[] exported() {
    SealedHistory history = new SealedHistory();
    history.add(forum("f-1").registered().named("Göteborgs nätverk § 7").effective("2020-01-01"));
    history.add(forum("f-1").fee(2023).inCurrency("EUR", "1500", "11.4786"));
    history.add(forum("f-1").otherCost(2023).staff("17250.00").travel("0.5"));
    history.add(forum("f-2").registered().effective("2021-01-01"));
    history.add(forum("f-2").fee(2022).status(CostStatus.NOT_CALCULATED).until(2024));
    history.add(forum("f-2").status(ForumStatus.ENDED).from("2024-06-30"));
    return (String.join("\n", history.lines()) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static int lineOf(int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (FILE[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  @Property(tries = 400)
  void anyChangedByteIsNamedAtItsLine(
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int position,
      @ForAll byte replacement)
      throws IOException {
    int index = position % FILE.length;
    Assume.that(FILE[index] != replacement);
    byte[] changed = FILE.clone();
    changed[index] = replacement;
    Path file = Files.createTempFile("changed", ".jsonl");
    try {
      Files.write(file, changed);

      VerificationReport report = Verifier.verify(file, TestKeys.ring());

      assertThat(report.intact()).isFalse();
      assertThat(report.failures().get(0).line()).isEqualTo(lineOf(index));
    } finally {
      Files.delete(file);
    }
  }

  @Property(tries = 20)
  void theUnchangedFileIsIntact() throws IOException {
    Path file = Files.createTempFile("unchanged", ".jsonl");
    try {
      Files.write(file, FILE);
      assertThat(Verifier.verify(file, TestKeys.ring()).intact()).isTrue();
    } finally {
      Files.delete(file);
    }
  }
}
