package org.forumledger.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forumledger.importer.InventoryImport.Summary;

/**
 * Loads an inventory file into any registry from the command line, without the local stack.
 *
 * <p>The password is read from {@value #PASSWORD_VARIABLE} or from {@code --password-file}, never
 * from the command line, where the process list and the shell history would show it. The exit
 * status is {@value #IMPORTED} when every row was imported, {@value #ROWS_FAILED} when a row was
 * malformed, refused or could not be sent, {@value #USAGE_ERROR} when the command could not run as
 * asked (nothing was sent then).
 */
public final class ImportCommand {

  static final String PASSWORD_VARIABLE = "LEDGER_REGISTRAR_PASSWORD";
  static final String DEFAULT_USER = "registrar";

  static final int IMPORTED = 0;
  static final int ROWS_FAILED = 1;
  static final int USAGE_ERROR = 2;

  static final String USAGE =
      """
      Usage: java -jar inventory-importer-exec.jar --registry-url URL --file FILE [options]

        --registry-url URL    the registry to write to, e.g. http://localhost:8081
        --file FILE           the inventory CSV, in the columns of data/README.md
        --user NAME           the registrar to write as (default: registrar)
        --password-file FILE  a file holding the user's password; without it, the password is
                              taken from the environment variable LEDGER_REGISTRAR_PASSWORD
        --help                this text

      Rerunning is safe: every write carries an Idempotency-Key, so a second run adds nothing.
      Exit status: 0 every row imported, 1 some rows not imported, 2 usage error (nothing sent).
      """;

  private static final List<String> OPTIONS =
      List.of("--registry-url", "--file", "--user", "--password-file");

  /** Opens the registry's API; the seam that lets the command be tested without a server. */
  @FunctionalInterface
  interface Connector {
    RegistryTransport connect(String registryUrl, String user, String password);
  }

  /** What the command was asked to do, checked before anything is sent. */
  record Options(String registryUrl, Path file, String user, String password) {

    @Override
    public String toString() {
      return "Options[registryUrl=" + registryUrl + ", file=" + file + ", user=" + user + "]";
    }
  }

  /** A command line the command cannot run; the message says why. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final Connector connector;

  ImportCommand(Map<String, String> env, PrintStream out, PrintStream err, Connector connector) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.connector = connector;
  }

  public static void main(String[] args) {
    // before the first logger is made: the command's output is its summary, not the import's log
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "importer-logback.xml");
    }
    System.exit(
        new ImportCommand(System.getenv(), System.out, System.err, RegistryClient::new).run(args));
  }

  int run(String... args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      out.print(USAGE);
      return IMPORTED;
    }
    Options options;
    try {
      options = parse(args);
    } catch (UsageException e) {
      err.println("inventory-importer: " + e.getMessage());
      err.println();
      err.print(USAGE);
      return USAGE_ERROR;
    }
    RegistryTransport registry =
        connector.connect(options.registryUrl(), options.user(), options.password());
    Summary summary;
    try {
      summary = InventoryImport.fromFile(options.file(), registry).run();
    } catch (UncheckedIOException e) {
      err.println("inventory-importer: " + e.getMessage() + " (" + e.getCause() + ")");
      return USAGE_ERROR;
    }
    print(options, summary);
    return summary.failedRows() == 0 ? IMPORTED : ROWS_FAILED;
  }

  Options parse(String... args) throws UsageException {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      if (name.equals("--password")) {
        throw new UsageException(
            "--password is not accepted: a password on the command line shows in the process"
                + " list and the shell history; set "
                + PASSWORD_VARIABLE
                + " or use --password-file");
      }
      if (!name.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      if (!OPTIONS.contains(name)) {
        throw new UsageException("unknown option " + name);
      }
      if (value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new UsageException(name + " needs a value");
        }
        value = args[++i];
      }
      if (values.putIfAbsent(name, value) != null) {
        throw new UsageException(name + " is given twice");
      }
    }
    String registryUrl = registryUrl(required(values, "--registry-url"));
    Path file = inventoryFile(required(values, "--file"));
    String user = values.getOrDefault("--user", DEFAULT_USER).strip();
    if (user.isEmpty()) {
      throw new UsageException("--user must not be empty");
    }
    return new Options(registryUrl, file, user, password(values.get("--password-file")));
  }

  private static String required(Map<String, String> values, String name) throws UsageException {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException(name + " is required");
    }
    return value.strip();
  }

  private static String registryUrl(String value) throws UsageException {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new UsageException("--registry-url '" + value + "' is not a URL");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new UsageException(
          "--registry-url '" + value + "' must be an http or https URL with a host");
    }
    return value;
  }

  private static Path inventoryFile(String value) throws UsageException {
    Path file = Path.of(value);
    if (!Files.exists(file)) {
      throw new UsageException("--file " + value + ": no such file");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UsageException("--file " + value + ": not a readable file");
    }
    return file;
  }

  /** From the file when one is named, else from the environment; a trailing newline is not part. */
  private String password(String passwordFile) throws UsageException {
    String password;
    if (passwordFile != null) {
      try {
        password = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageException("--password-file " + passwordFile + " cannot be read (" + e + ")");
      }
      password = password.replaceAll("[\r\n]+$", "");
      if (password.isEmpty()) {
        throw new UsageException("--password-file " + passwordFile + " is empty");
      }
      return password;
    }
    password = env.get(PASSWORD_VARIABLE);
    if (password == null || password.isEmpty()) {
      throw new UsageException(
          "no password: set " + PASSWORD_VARIABLE + " or name a file with --password-file");
    }
    return password;
  }

  private void print(Options options, Summary summary) {
    out.println(
        "Imported " + options.file() + " into " + options.registryUrl() + " as " + options.user());
    out.println("  rows read          " + summary.rows());
    out.println("  rows imported      " + summary.importedRows());
    out.println("  rows not imported  " + summary.failedRows());
    out.println("  requests sent      " + summary.requestsSent());
    out.println(
        "  forums             "
            + summary.forumsRegistered()
            + " registered, "
            + summary.alreadyRegistered()
            + " already present");
    if (summary.problems().isEmpty()) {
      out.println("Every row was imported.");
    } else {
      out.println("Problems, by line:");
      summary.problems().forEach(problem -> out.println("  " + problem));
    }
  }
}
