package org.forumledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.forumledger.events.CostStatus;
import org.forumledger.events.seal.SigningKey;
import org.forumledger.events.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private SealedHistory history;

  @BeforeEach
  void aRotatedHistory() {
    history = new SealedHistory(TestKeys.RETIRED);
    history.add(forum("f-1").registered().effective("2020-01-01"));
    history.add(forum("f-1").fee(2023).amount("7905000"));
    history.sealer.rotateTo(TestKeys.REGISTRY);
    history.add(forum("f-1").otherCost(2023).staff("2079000"));
    history.add(forum("f-2").registered().effective("2020-01-01"));
    history.add(forum("f-2").otherCost(2023).status(CostStatus.NOT_CALCULATED));
  }

  private int run(String... args) {
    return VerifierCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path keysAnswer() throws Exception {
    Path file = dir.resolve("keys.json");
    Files.writeString(
        file,
        """
        {"activeKeyId": "test-registry-2", "keys": [
          {"keyId": "test-registry-1", "algorithm": "Ed25519", "publicKey": "%s", "active": false},
          {"keyId": "test-registry-2", "algorithm": "Ed25519", "publicKey": "%s", "active": true}]}
        """
            .formatted(TestKeys.RETIRED.publicKeyBase64(), TestKeys.REGISTRY.publicKeyBase64()));
    return file;
  }

  private Path publicKeyFile(Path in, SigningKey key) throws Exception {
    Files.createDirectories(in);
    return Files.writeString(in.resolve(key.keyId() + ".public"), key.publicKeyBase64() + "\n");
  }

  @Test
  void theKeysAnswerOfTheRegistryVerifiesARotatedHistory() throws Exception {
    int exit = run("--key", keysAnswer().toString(), history.write(dir).toString());

    assertThat(exit).isZero();
    assertThat(out())
        .containsPattern("Lines checked: +5\n")
        .contains("whole history, sequences 1 to 5")
        .containsPattern("Head hash: +" + history.sealer.head().hash())
        .contains("test-registry-1 (2 lines), test-registry-2 (3 lines)")
        .contains("INTACT")
        .containsPattern("2023 +2 +7905000 +2079000 +1 +0 +1");
  }

  @Test
  void aDirectoryOfPublicKeyFilesVerifiesIt() throws Exception {
    Path keys = dir.resolve("signing");
    publicKeyFile(keys, TestKeys.RETIRED);
    publicKeyFile(keys, TestKeys.REGISTRY);
    Files.writeString(keys.resolve("active"), TestKeys.REGISTRY.keyId());

    assertThat(run("--key", keys.toString(), history.write(dir).toString())).isZero();
  }

  @Test
  void onePublicKeyFileEachVerifiesIt() throws Exception {
    Path old = publicKeyFile(dir.resolve("a"), TestKeys.RETIRED);
    Path current = publicKeyFile(dir.resolve("b"), TestKeys.REGISTRY);

    assertThat(
            run(
                "--key",
                old.toString(),
                "--key",
                current.toString(),
                history.write(dir).toString()))
        .isZero();
  }

  @Test
  void withoutTheOldKeyTheLinesItSignedFail() throws Exception {
    Path current = publicKeyFile(dir.resolve("b"), TestKeys.REGISTRY);

    int exit = run("--key", current.toString(), history.write(dir).toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out())
        .contains("NOT INTACT: 2 failures")
        .contains("line 1: signed with key test-registry-1, which is not among the keys given")
        .contains("line 2: signed with key test-registry-1");
  }

  @Test
  void aBareBase64KeyIsKnownByTheIdTheRegistryDerivesFromIt() throws Exception {
    SigningKey generated = SigningKey.generate();
    SealedHistory own = new SealedHistory(generated);
    own.add(forum("f-1").registered().effective("2020-01-01"));
    own.add(forum("f-1").fee(2023).amount("100"));

    int exit = run("--key", generated.publicKeyBase64(), own.write(dir).toString());

    assertThat(exit).isZero();
    assertThat(out()).contains(SigningKey.idOf(generated.publicKey()) + " (2 lines)");
  }

  @Test
  void aBareKeyInAFileNamedOtherwiseIsKnownByItsDerivedIdToo() throws Exception {
    SigningKey generated = SigningKey.generate();
    SealedHistory own = new SealedHistory(generated);
    own.add(forum("f-1").registered().effective("2020-01-01"));
    Path key = Files.writeString(dir.resolve("registry-key.txt"), generated.publicKeyBase64());

    assertThat(run("--key", key.toString(), own.write(dir).toString())).isZero();
  }

  @Test
  void aChangedLineExitsWithOneAndIsNamedInTheJsonReport() throws Exception {
    history.replace(2, history.line(2).replace("7905000", "7905001"));

    int exit =
        run(
            "--key",
            keysAnswer().toString(),
            "--year",
            "2023",
            "--json",
            history.write(dir).toString());

    assertThat(exit).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.path("intact").asBoolean()).isFalse();
    assertThat(json.path("wholeHistory").asBoolean()).isTrue();
    assertThat(json.path("lastSequence").asLong()).isEqualTo(5);
    assertThat(json.path("failures")).hasSize(1);
    assertThat(json.path("failures").get(0).path("line").asInt()).isEqualTo(2);
    assertThat(json.path("failures").get(0).path("problem").asText()).isEqualTo("ALTERED");
    assertThat(json.path("years").path("2023").path("fees").decimalValue())
        .isEqualByComparingTo("0");
    assertThat(json.path("years").path("2023").path("otherCosts").decimalValue())
        .isEqualByComparingTo("2079000");
    assertThat(json.path("keysGiven")).hasSize(2);
  }

  @Test
  void noKeyIsAUsageError() throws Exception {
    assertThat(run(history.write(dir).toString())).isEqualTo(2);
    assertThat(err()).contains("No --key").contains("Usage:");
    assertThat(out()).isEmpty();
  }

  @Test
  void aMissingExportFileIsAUsageError() throws Exception {
    assertThat(run("--key", keysAnswer().toString(), dir.resolve("none.jsonl").toString()))
        .isEqualTo(2);
    assertThat(err()).contains("Cannot read the export file");
  }

  @Test
  void aKeyThatIsNeitherAFileNorAKeyIsAUsageError() throws Exception {
    assertThat(run("--key", "not-a-key", history.write(dir).toString())).isEqualTo(2);
    assertThat(err()).contains("--key not-a-key: no such file or directory");
  }

  @Test
  void anUnknownOptionOrABadYearIsAUsageError() throws Exception {
    Path file = history.write(dir);
    String key = keysAnswer().toString();

    assertThat(run("--key", key, "--verbose", file.toString())).isEqualTo(2);
    assertThat(run("--key", key, "--year", "twenty", file.toString())).isEqualTo(2);
    assertThat(run("--key", key, "--year", "1066", file.toString())).isEqualTo(2);
    assertThat(err()).contains("Unknown option --verbose").contains("--year twenty");
  }
}
