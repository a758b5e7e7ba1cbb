package org.forumledger.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line, against a recording fake of the registry; no network. */
class ImportCommandTest {

  private static final String URL = "http://registry.example:8081";
  private static final Map<String, String> WITH_PASSWORD =
      Map.of(ImportCommand.PASSWORD_VARIABLE, "pw-from-env");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final FakeRegistry registry = new FakeRegistry();
  private final List<List<String>> connections = new ArrayList<>();

  @TempDir Path temp;

  private int run(Map<String, String> env, String... args) {
    ImportCommand command =
        new ImportCommand(
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            (url, user, password) -> {
              connections.add(List.of(url, user, password));
              return registry;
            });
    return command.run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static String malformedFixture() throws URISyntaxException {
    return Path.of(
            ImportCommandTest.class
                .getClassLoader()
                .getResource(InventoryFixtures.MALFORMED)
                .toURI())
        .toString();
  }

  private void assertUsageErrorAndNothingSent(int status, String why) {
    assertThat(status).isEqualTo(ImportCommand.USAGE_ERROR);
    assertThat(err()).contains("inventory-importer: " + why).contains("Usage: ");
    assertThat(connections).as("no registry was contacted").isEmpty();
    assertThat(registry.sent).isEmpty();
  }

  @Test
  void withoutAFileTheCommandIsAUsageErrorAndSendsNothing() {
    int status = run(WITH_PASSWORD, "--registry-url", URL);

    assertUsageErrorAndNothingSent(status, "--file is required");
  }

  @Test
  void aFileThatDoesNotExistIsAUsageError() {
    Path missing = temp.resolve("no-such-inventory.csv");

    int status = run(WITH_PASSWORD, "--registry-url", URL, "--file", missing.toString());

    assertUsageErrorAndNothingSent(status, "--file " + missing + ": no such file");
  }

  @Test
  void aDirectoryIsNotAnInventoryFile() {
    int status = run(WITH_PASSWORD, "--registry-url", URL, "--file", temp.toString());

    assertUsageErrorAndNothingSent(status, "--file " + temp + ": not a readable file");
  }

  @Test
  void aPasswordOnTheCommandLineIsRefusedWithoutEchoingIt() throws URISyntaxException {
    String file = malformedFixture();

    int separate = run(Map.of(), "--registry-url", URL, "--file", file, "--password", "s3cret");
    int joined = run(Map.of(), "--registry-url", URL, "--file", file, "--password=s3cret");

    assertThat(separate).isEqualTo(ImportCommand.USAGE_ERROR);
    assertThat(joined).isEqualTo(ImportCommand.USAGE_ERROR);
    assertThat(err())
        .contains("--password is not accepted")
        .contains(ImportCommand.PASSWORD_VARIABLE)
        .contains("--password-file")
        .doesNotContain("s3cret");
    assertThat(connections).isEmpty();
  }

  @Test
  void withoutAPasswordTheCommandDoesNotStart() throws URISyntaxException {
    int status = run(Map.of(), "--registry-url", URL, "--file", malformedFixture());

    assertUsageErrorAndNothingSent(
        status, "no password: set LEDGER_REGISTRAR_PASSWORD or name a file with --password-file");
  }

  @Test
  void anEmptyPasswordFileIsRefused() throws IOException, URISyntaxException {
    Path passwordFile = Files.writeString(temp.resolve("password"), "\n");

    int status =
        run(
            WITH_PASSWORD,
            "--registry-url",
            URL,
            "--file",
            malformedFixture(),
            "--password-file",
            passwordFile.toString());

    assertUsageErrorAndNothingSent(status, "--password-file " + passwordFile + " is empty");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--file FIXTURE|--registry-url is required",
        "--registry-url ftp://registry --file FIXTURE|--registry-url 'ftp://registry' must be an http or https URL with a host",
        "--registry-url localhost:8081 --file FIXTURE|--registry-url 'localhost:8081' must be an http or https URL with a host",
        "--registry-url http://registry --file FIXTURE --colour blue|unknown option --colour",
        "--registry-url http://registry --file FIXTURE --user|--user needs a value",
        "--registry-url --file FIXTURE|--registry-url needs a value",
        "--registry-url http://registry --file FIXTURE --file FIXTURE|--file is given twice",
        "--registry-url http://registry --file FIXTURE stray|unexpected argument 'stray'",
      })
  void aMalformedCommandLineIsAUsageError(String commandLine, String why)
      throws URISyntaxException {
    String[] args = commandLine.replace("FIXTURE", malformedFixture()).split(" ");

    int status = run(WITH_PASSWORD, args);

    assertUsageErrorAndNothingSent(status, why);
  }

  @Test
  void helpPrintsTheUsageAndSucceeds() {
    int status = run(Map.of(), "--help");

    assertThat(status).isEqualTo(ImportCommand.IMPORTED);
    assertThat(out()).startsWith("Usage: ").contains("--password-file");
    assertThat(connections).isEmpty();
  }

  @Test
  void malformedRowsAreListedByLineAndTheExitStatusSaysSo() throws URISyntaxException {
    int status = run(WITH_PASSWORD, "--registry-url", URL, "--file", malformedFixture());

    assertThat(status).isEqualTo(ImportCommand.ROWS_FAILED);
    assertThat(connections).containsExactly(List.of(URL, "registrar", "pw-from-env"));
    assertThat(out())
        .contains("  rows read          3\n")
        .contains("  rows imported      2\n")
        .contains("  rows not imported  1\n")
        // the report's 10 units and 5 goals, then the forums' 10 writes
        .contains("  requests sent      25\n")
        .contains("  forums             2 registered, 0 already present\n")
        .contains(
            "Problems, by line:\n"
                + "  line 4: section 9.1.2: kind 'NETWERK' is not one of NETWORK, COLLABORATION;"
                + " slk_min 3 is greater than slk_max 1; fee_tkr is required\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void failedRequestsMakeTheExitStatusNonZero() throws URISyntaxException {
    registry.unreachable = sent -> true;

    int status = run(WITH_PASSWORD, "--registry-url", URL, "--file", malformedFixture());

    assertThat(status).isEqualTo(ImportCommand.ROWS_FAILED);
    assertThat(out())
        .contains("  rows not imported  4\n")
        .contains("  line 2: section 9.1.1: the registry could not be reached")
        .contains(
            "  inventory/units-and-goals-2023.json: the registry could not be reached"
                + " (java.net.ConnectException: Connection refused); its units and goals were not"
                + " registered\n");
  }

  @Test
  void aCompleteImportWithAPasswordFileAndAnotherUserSucceeds() throws IOException {
    Path inventory =
        Files.writeString(temp.resolve("inventory.csv"), InventoryFixtures.realInventory());
    Path passwordFile = Files.writeString(temp.resolve("password"), "pw-from-file\n");
    registry.replay = true;

    int status =
        run(
            WITH_PASSWORD,
            "--registry-url=" + URL,
            "--file",
            inventory.toString(),
            "--user",
            "alice",
            "--password-file",
            passwordFile.toString());

    assertThat(status).isEqualTo(ImportCommand.IMPORTED);
    assertThat(connections)
        .as("the file's password wins over the environment, without its newline")
        .containsExactly(List.of(URL, "alice", "pw-from-file"));
    assertThat(out())
        .startsWith("Imported " + inventory + " into " + URL + " as alice\n")
        .contains("  rows read          108\n")
        .contains("  requests sent      551\n")
        .contains("  forums             0 registered, 108 already present\n")
        .endsWith("Every row was imported.\n");
  }
}
