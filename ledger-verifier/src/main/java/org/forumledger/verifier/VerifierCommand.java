package org.forumledger.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * {@code java -jar ledger-verifier.jar}: checks an exported history with the registry's public keys
 * and prints what it found. Exit code 0 when intact, 1 when a line fails, 2 for a usage error or a
 * file that cannot be read.
 */
public final class VerifierCommand {

  static final int INTACT = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private VerifierCommand() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** The command without leaving the JVM, for tests and for a caller of its own. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine command;
    KeySources keys = new KeySources();
    try {
      command = CommandLine.parse(args);
      if (command.help()) {
        out.println(CommandLine.USAGE);
        return INTACT;
      }
      for (String key : command.keys()) {
        keys.add(key);
      }
      if (!Files.isRegularFile(command.file()) || !Files.isReadable(command.file())) {
        throw new UsageException("Cannot read the export file " + command.file());
      }
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.println(CommandLine.USAGE);
      return USAGE;
    }
    VerificationReport report;
    try {
      report = Verifier.verify(command.file(), keys.ring(), command.years());
    } catch (IOException e) {
      err.println("Cannot read the export file " + command.file() + ": " + e.getMessage());
      return USAGE;
    }
    out.print(
        command.json()
            ? JsonReport.render(report, keys.ids())
            : TextReport.render(report, keys.ids()));
    out.flush();
    return report.intact() ? INTACT : FAILED;
  }
}
