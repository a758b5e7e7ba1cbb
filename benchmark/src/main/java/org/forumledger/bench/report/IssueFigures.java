package org.forumledger.bench.report;

import org.forumledger.bench.reads.ReadTarget;

/**
 * The figures issue 10 reported for main at 0f3144c, before any of its work: the "before" column,
 * so every run is read against where the project started.
 */
final class IssueFigures {

  static final String SOURCE = "issue 10, main at 0f3144c";

  static final String START = "15 s";
  static final String IMPORT = "14 s after";

  static String commands(int clients) {
    return switch (clients) {
      case 1 -> "78.7/s (p50 10.6 ms, p99 40 ms); raw JDBC 3 873/s; 0.020";
      case 8 -> "224/s (p99 122 ms); raw JDBC 11 746/s; 0.019";
      case 32 -> "464/s (p50 58 ms, p99 238 ms); raw JDBC 12 537/s; 0.037";
      default -> "–";
    };
  }

  static final String FRESHNESS_LOW = "20/s: to the consumers' tables p50 12 ms, p99 51 ms";
  static final String FRESHNESS_HIGH =
      "241/s for 8 s: p50 8.6 s, p99 11.9 s; last event visible 608 s after the burst;"
          + " 572/s for 30 s: to Kafka p99 111 s, drained 142 s after";

  static String read(String name, int clients) {
    if (name.equals(ReadTarget.HEALTH)) {
      return "1 382 req/s";
    }
    if (name.startsWith("health, viewer")) {
      return clients == 1 ? "p50 55 ms, 17.6 req/s" : "35 req/s";
    }
    if (name.contains("known at") || name.contains("as of")) {
      return "–";
    }
    return "p50 63–124 ms, 11–30 req/s (totals, year table, appendix)";
  }

  static String historyRead(String name, int clients) {
    if (name.equals(ReadTarget.HEALTH)) {
      return "–";
    }
    String at = " (13 051 forums / 146 559 events)";
    if (name.startsWith("totals 2023 as of")) {
      return clients == 1 ? "as-of p50 1.1 s" + at : "3.7–6.3 s at 8" + at;
    }
    if (name.startsWith("totals")) {
      return clients == 1 ? "p50 672 ms" + at : "3.7–6.3 s at 8" + at;
    }
    if (name.startsWith("cost year")) {
      return clients == 1 ? "p50 546 ms" + at : "3.7–6.3 s at 8" + at;
    }
    return "–";
  }

  static final String PUBLICATION =
      "registry: one send().get() per event, 136 events/s; same producer with linger 0: 1 307/s";
  static final String PLAIN_CONSUMER = "70 000/s (236 000/s in a second run)";
  static final String COST_CATCH_UP = "135 events/s; 100 000 events in 679 s (147/s), 0.002";
  static final String REPORTING_CATCH_UP = "100 000 events in 106 s (946/s), 0.013";
  static final String COST_REBUILD =
      "10 021 events: 65.6 s, 153/s, CPU 0.14 cores; 146 559 events: 990 s, 148/s; 0.0006";
  static final String REPORTING_REPLAY = "14 651 events/s (in memory), 0.21";
  static final String MEMORY =
      "1 099 MiB idle, 1 868 MiB after load, 6 931 MiB serving reads at 13 051 forums"
          + " (no heap limit, max heap 6 GiB)";

  private IssueFigures() {}
}
