package org.forumledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.forumledger.events.CostStatus;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.events.seal.SigningKey;
import org.forumledger.events.testing.TestKeys;
import org.forumledger.verifier.chain.LineFailure;
import org.forumledger.verifier.chain.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierChainTest {

  @TempDir Path dir;

  private final SealedHistory history = new SealedHistory();
  private final KeyRing keys = TestKeys.ring();

  @BeforeEach
  void tenLines() {
    history.add(forum("f-1").registered().effective("2020-01-01"));
    history.add(forum("f-2").registered().effective("2020-01-01"));
    history.add(forum("f-1").fee(2023).amount("10000"));
    history.add(forum("f-2").fee(2023).amount("20000"));
    history.add(forum("f-1").otherCost(2023).staff("3000"));
    history.add(forum("f-2").otherCost(2023).status(CostStatus.NOT_CALCULATED));
    history.add(forum("f-3").registered().effective("2021-05-01"));
    history.add(forum("f-3").fee(2022).amount("500"));
    history.add(forum("f-1").fee(2024).amount("11000"));
    history.add(forum("f-3").otherCost(2024).travel("700"));
  }

  private VerificationReport verify() throws Exception {
    return Verifier.verify(history.write(dir), keys);
  }

  /** The report's one failure, on that line and of that kind. */
  private static LineFailure onlyFailure(VerificationReport report, int line, Problem problem) {
    assertThat(report.failures()).hasSize(1);
    LineFailure failure = report.failures().get(0);
    assertThat(failure.line()).isEqualTo(line);
    assertThat(failure.problem()).isEqualTo(problem);
    return failure;
  }

  private static List<Integer> lines(VerificationReport report) {
    return report.failures().stream().map(LineFailure::line).toList();
  }

  @Test
  void anIntactWholeHistoryPassesWithItsHeadAndKeys() throws Exception {
    VerificationReport report = verify();

    assertThat(report.intact()).isTrue();
    assertThat(report.failures()).isEmpty();
    assertThat(report.linesChecked()).isEqualTo(10);
    assertThat(report.wholeHistory()).isTrue();
    assertThat(report.firstSequence()).isEqualTo(1);
    assertThat(report.lastSequence()).isEqualTo(10);
    assertThat(report.startPreviousHash()).isEqualTo(ChainLink.GENESIS_HASH);
    assertThat(report.headHash()).isEqualTo(history.sealer.head().hash());
    assertThat(report.keysUsed()).containsExactly(Map.entry("test-registry-2", 10));
  }

  @Test
  void crLfLineBreaksAreTheSameLines() throws Exception {
    VerificationReport report = Verifier.verify(history.write(dir, "\r\n"), keys);

    assertThat(report.intact()).isTrue();
    assertThat(report.linesChecked()).isEqualTo(10);
  }

  @Test
  void aOneByteChangeInAPayloadIsNamedByItsLineAndNothingElse() throws Exception {
    String line = history.line(4);
    assertThat(line).contains("\"amountSek\":20000");
    history.replace(4, line.replace("\"amountSek\":20000", "\"amountSek\":20001"));

    VerificationReport report = verify();

    assertThat(report.intact()).isFalse();
    LineFailure failure = onlyFailure(report, 4, Problem.ALTERED);
    assertThat(failure.toString()).startsWith("line 4: chain sequence 4:");
    assertThat(report.lastSequence()).isEqualTo(10);
  }

  @Test
  void aChangedLineIsLeftOutOfTheTotals() throws Exception {
    history.replace(4, history.line(4).replace("\"amountSek\":20000", "\"amountSek\":90000"));

    VerificationReport report = verify();

    // f-1's 10000 and f-3's 500 from 2022 on; f-2's changed fee is left out
    assertThat(report.years().get(2023).fees()).isEqualByComparingTo("10500");
  }

  @Test
  void aRemovedLineIsNamedAtTheLineAfterTheGap() throws Exception {
    history.remove(6);

    VerificationReport report = verify();

    LineFailure failure = onlyFailure(report, 6, Problem.MISSING_LINES);
    assertThat(failure.reason())
        .isEqualTo("chain sequence 7 follows 5: 1 line missing (sequence 6)");
  }

  @Test
  void severalRemovedLinesAreCountedAtOnce() throws Exception {
    history.remove(5);
    history.remove(5);
    history.remove(5);

    VerificationReport report = verify();

    assertThat(report.failures())
        .singleElement()
        .extracting(LineFailure::reason)
        .isEqualTo("chain sequence 8 follows 4: 3 lines missing (sequences 5 to 7)");
  }

  @Test
  void twoSwappedLinesAreBothNamed() throws Exception {
    history.swap(5, 6);

    VerificationReport report = verify();

    assertThat(lines(report)).containsExactly(5, 6);
    assertThat(report.failures().get(0).problem()).isEqualTo(Problem.MISSING_LINES);
    assertThat(report.failures().get(1).problem()).isEqualTo(Problem.REPEATED_OR_REORDERED);
    assertThat(report.failures().get(1).reason())
        .isEqualTo("chain sequence 5 after 6: reordered or repeated: it was missing before line 5");
    assertThat(report.lastSequence()).isEqualTo(10);
  }

  @Test
  void aRepeatedLineIsNamedAndNotCountedTwice() throws Exception {
    history.replace(5, history.line(4));

    VerificationReport report = verify();

    assertThat(lines(report)).containsExactly(5, 6);
    assertThat(report.failures().get(0).reason())
        .isEqualTo("chain sequence 4 again: reordered or repeated: the same place as line 4");
  }

  @Test
  void aLineSignedByAnUnknownKeyIsNamed() throws Exception {
    history.resign(3, TestKeys.FORGER);

    VerificationReport report = verify();

    LineFailure failure = onlyFailure(report, 3, Problem.UNKNOWN_KEY);
    assertThat(failure.reason()).contains(TestKeys.FORGER.keyId());
    // f-2's 20000 and f-3's 500 from 2022 on; f-1's forged fee is left out
    assertThat(report.years().get(2023).fees()).isEqualByComparingTo("20500");
  }

  @Test
  void aLineSignedByAnotherKeyUnderTheRegistrysIdIsNamed() throws Exception {
    SigningKey impostor =
        new SigningKey(
            TestKeys.REGISTRY.keyId(), TestKeys.FORGER.privateKey(), TestKeys.FORGER.publicKey());
    history.resign(7, impostor);

    VerificationReport report = verify();

    LineFailure failure = onlyFailure(report, 7, Problem.BAD_SIGNATURE);
    assertThat(failure.reason()).isEqualTo("signature does not verify with key test-registry-2");
  }

  @Test
  void aLineThatIsNoJsonIsNamedAndTheChainGoesOnPastIt() throws Exception {
    history.replace(2, "this is not json");
    history.replace(8, history.line(8) + "x");

    VerificationReport report = verify();

    assertThat(lines(report)).containsExactly(2, 8);
    assertThat(report.failures()).extracting(LineFailure::problem).containsOnly(Problem.NOT_JSON);
    assertThat(report.failures().get(0).toString()).startsWith("line 2: not JSON");
  }

  @Test
  void aLineOfAnotherChainIsAFork() throws Exception {
    history.sealAfter(5, new ChainLink(4, "ab".repeat(32)));

    VerificationReport report = verify();

    // the line after it continues the original chain, so it does not continue the forked line
    assertThat(lines(report)).containsExactly(5, 6);
    assertThat(report.failures())
        .extracting(LineFailure::problem)
        .containsOnly(Problem.CHAIN_BROKEN);
    assertThat(report.failures().get(0).reason())
        .startsWith("chain sequence 5 names previous hash abababababab… but sequence 4 (line 4)");
  }

  @Test
  void aRangeStartsAtItsFirstLineAndSaysSo() throws Exception {
    String hashOfThird =
        new ObjectMapper().readTree(history.line(3)).path("seal").path("hash").asText();
    history.remove(1);
    history.remove(1);
    history.remove(1);

    VerificationReport report = verify();

    assertThat(report.intact()).isTrue();
    assertThat(report.wholeHistory()).isFalse();
    assertThat(report.firstSequence()).isEqualTo(4);
    assertThat(report.startPreviousHash()).isEqualTo(hashOfThird);
    assertThat(report.lastSequence()).isEqualTo(10);
  }

  @Test
  void aFirstLineAfterAnythingButZerosIsNoWholeHistoryStart() throws Exception {
    history.sealAfter(1, new ChainLink(0, "cd".repeat(32)));

    VerificationReport report = verify();

    assertThat(report.failures()).first().extracting(LineFailure::line).isEqualTo(1);
    assertThat(report.failures().get(0).problem()).isEqualTo(Problem.CHAIN_BROKEN);
  }

  @Test
  void rotationOldAndNewKeysBothVerifyWhenBothAreGiven() throws Exception {
    SealedHistory rotated = new SealedHistory(TestKeys.RETIRED);
    rotated.add(forum("f-1").registered().effective("2020-01-01"));
    rotated.add(forum("f-1").fee(2023).amount("100"));
    rotated.sealer.rotateTo(TestKeys.REGISTRY);
    rotated.add(forum("f-1").otherCost(2023).staff("50"));
    Path file = rotated.write(dir);

    VerificationReport both = Verifier.verify(file, TestKeys.ring());
    VerificationReport onlyNew =
        Verifier.verify(
            file, KeyRing.of(Map.of(TestKeys.REGISTRY.keyId(), TestKeys.REGISTRY.publicKey())));

    assertThat(both.intact()).isTrue();
    assertThat(both.keysUsed())
        .containsExactly(Map.entry("test-registry-1", 2), Map.entry("test-registry-2", 1));
    assertThat(lines(onlyNew)).containsExactly(1, 2);
    assertThat(onlyNew.failures())
        .extracting(LineFailure::problem)
        .containsOnly(Problem.UNKNOWN_KEY);
  }

  @Test
  void anEmptyFileIsNotAnIntactHistory() throws Exception {
    Path empty = Files.createTempFile(dir, "empty", ".jsonl");

    VerificationReport report = Verifier.verify(empty, keys);

    assertThat(report.intact()).isFalse();
    assertThat(report.failures())
        .singleElement()
        .extracting(LineFailure::problem)
        .isEqualTo(Problem.EMPTY);
  }

  @Test
  void aSignatureWithStrayBitsInItsLastCharacterIsNamedThoughItDecodesAlike() throws Exception {
    String line = history.line(3);
    int end = line.indexOf("==\"", line.indexOf("\"signature\""));
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char last = line.charAt(end - 1);
    char stray = alphabet.charAt(alphabet.indexOf(last) ^ 1);
    history.replace(3, line.substring(0, end - 1) + stray + line.substring(end));

    VerificationReport report = verify();

    onlyFailure(report, 3, Problem.BAD_SIGNATURE);
  }

  @Test
  void theFinalLineBreakTurnedIntoWhiteSpaceIsNamedAtTheLastLine() throws Exception {
    Path file = history.write(dir);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] = ' ';
    Files.write(file, bytes);

    VerificationReport report = Verifier.verify(file, keys);

    onlyFailure(report, 10, Problem.NOT_JSON);
  }
}
