package org.forumledger.verifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.LedgerCalendar;

/**
 * {@code --key <file|dir|base64> [--key …] [--year 2023 …] [--json] <export.jsonl>}, read into what
 * the command needs.
 */
record CommandLine(List<String> keys, List<Integer> years, boolean json, Path file, boolean help) {

  static final String USAGE =
      """
      Usage: java -jar ledger-verifier.jar --key <key> [--key <key> ...] [--year <year> ...] [--json] <export.jsonl>

        --key   the registry's public key(s): a file with the JSON of GET /keys, a directory of
                <id>.public files, a file holding one base64 X.509 key, or that base64 itself;
                give every key the history was signed with (old keys after a rotation too)
        --year  a year to recompute the totals of (repeatable); by default every year a fee or
                other cost names
        --json  the report as JSON instead of text

      Exit code: 0 intact, 1 a line failed, 2 usage error or unreadable file.""";

  static CommandLine parse(String... args) throws UsageException {
    List<String> keys = new ArrayList<>();
    List<Integer> years = new ArrayList<>();
    boolean json = false;
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> {
          return new CommandLine(keys, years, json, file, true);
        }
        case "--json" -> json = true;
        case "--key" -> keys.add(value(args, ++i, arg));
        case "--year" -> years.add(year(value(args, ++i, arg)));
        default -> {
          if (arg.startsWith("--key=")) {
            keys.add(arg.substring("--key=".length()));
          } else if (arg.startsWith("--year=")) {
            years.add(year(arg.substring("--year=".length())));
          } else if (arg.startsWith("-")) {
            throw new UsageException("Unknown option " + arg);
          } else if (file != null) {
            throw new UsageException("One export file only, not also " + arg);
          } else {
            file = Path.of(arg);
          }
        }
      }
    }
    if (keys.isEmpty()) {
      throw new UsageException("No --key: the registry's public key is what the check rests on");
    }
    if (file == null) {
      throw new UsageException("No export file given");
    }
    return new CommandLine(List.copyOf(keys), List.copyOf(years), json, file, false);
  }

  private static String value(String[] args, int index, String option) throws UsageException {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[index];
  }

  private static int year(String value) throws UsageException {
    try {
      int year = Integer.parseInt(value.trim());
      if (LedgerCalendar.accepts(year)) {
        return year;
      }
    } catch (NumberFormatException e) {
      // refused below with the rule
    }
    throw new UsageException("--year " + value + ": " + LedgerCalendar.yearRule("a year"));
  }
}
