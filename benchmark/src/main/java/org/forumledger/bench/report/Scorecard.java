package org.forumledger.bench.report;

import java.util.ArrayList;
import java.util.List;
import org.forumledger.bench.commands.CommandsResult;
import org.forumledger.bench.freshness.FreshnessResult;
import org.forumledger.bench.process.MemoryResult;
import org.forumledger.bench.process.StartupResult;
import org.forumledger.bench.reads.ReadTarget;
import org.forumledger.bench.reads.ReadsResult;
import org.forumledger.bench.report.Row.Verdict;
import org.forumledger.bench.stats.LatencySummary;
import org.forumledger.bench.stats.LoadResult;

/**
 * The issue's figures as rows, each with its target where the issue sets one. A target is judged on
 * what this run measured; it is reported, never asserted.
 */
public final class Scorecard {

  static final double COMMANDS_PER_SECOND = 1000;
  static final double COMMANDS_P99_MS = 50;
  static final double COMMANDS_RATIO = 0.1;
  static final double FRESHNESS_P99_MS = 1000;
  static final double READS_P99_MS = 10;
  static final double HISTORY_READS_P99_MS = 50;
  static final double REBUILD_PER_SECOND = 50_000;
  static final double REBUILD_RATIO = 0.25;
  static final double STACK_RSS_MIB = 1024;
  static final double START_SECONDS = 15;
  static final double IMPORT_SECONDS = 10;

  private Scorecard() {}

  public static List<Row> rows(Results results) {
    List<Row> rows = new ArrayList<>();
    startup(results.startup(), rows);
    if (results.commands() != null) {
      commands(results.commands(), rows);
    }
    if (results.freshnessLow() != null) {
      rows.add(freshness(results.freshnessLow(), "–", null, IssueFigures.FRESHNESS_LOW));
    }
    if (results.freshnessHigh() != null) {
      rows.add(
          freshness(
              results.freshnessHigh(),
              "p99 ≤ 1 s; drains as fast as it fills",
              FRESHNESS_P99_MS,
              IssueFigures.FRESHNESS_HIGH));
    }
    if (results.reads() != null) {
      reads(results.reads(), READS_P99_MS, "p99 ≤ 10 ms at concurrency 8", false, rows);
    }
    if (results.history() != null) {
      HistoryResultRows.add(results.history(), rows);
    }
    if (results.historyReads() != null) {
      reads(
          results.historyReads(),
          HISTORY_READS_P99_MS,
          "p99 ≤ 50 ms (10 000 forums, 1 000 000 events)",
          true,
          rows);
    }
    memory(results.memory(), rows);
    return rows;
  }

  private static void startup(StartupResult startup, List<Row> rows) {
    if (startup == null || startup.allHealthySeconds() == null) {
      rows.add(
          new Row(
              "start to all services up, first start",
              "not measured (a running stack)",
              "–",
              "–",
              "≤ 15 s",
              Verdict.NOT_MEASURED,
              IssueFigures.START));
      return;
    }
    rows.add(
        new Row(
            "start to all services up, first start (readiness UP: started, taking requests)",
            Format.seconds(startup.servicesReadySeconds()),
            "–",
            "–",
            "≤ 15 s",
            Verdict.of(startup.servicesReadySeconds() <= START_SECONDS),
            IssueFigures.START));
    Double after = startup.importAfterReadySeconds();
    rows.add(
        new Row(
            "2023 inventory imported and applied by both consumers, after the services were up",
            after == null
                ? "did not finish (" + startup.forumsVisible() + " forums visible)"
                : Format.seconds(after)
                    + (startup.forumsVisibleSeconds() == null
                        ? ""
                        : "; 108 forums in reporting "
                            + Format.seconds(
                                startup.forumsVisibleSeconds() - startup.servicesReadySeconds())
                            + " after"),
            "–",
            "–",
            "≤ 10 s after",
            after == null ? Verdict.NOT_MET : Verdict.of(after <= IMPORT_SECONDS),
            IssueFigures.IMPORT));
    rows.add(
        new Row(
            "start to all healthy, first start (the local stack's health waits for the inventory)",
            Format.seconds(startup.allHealthySeconds())
                + " (registry "
                + Format.seconds(startup.registryHealthySeconds())
                + ", cost "
                + Format.seconds(startup.costHealthySeconds())
                + ", reporting "
                + Format.seconds(startup.reportingHealthySeconds())
                + ")",
            "–",
            "–",
            "–",
            Verdict.NONE,
            "–"));
  }

  private static void commands(CommandsResult commands, List<Row> rows) {
    for (CommandsResult.Level level : commands.levels()) {
      boolean targeted = level.clients() == 32;
      LoadResult registry = level.registry();
      Verdict verdict =
          targeted
              ? Verdict.of(
                  registry.perSecond() >= COMMANDS_PER_SECOND
                      && registry.latency().p99Ms() <= COMMANDS_P99_MS
                      && level.ratio() >= COMMANDS_RATIO)
              : Verdict.NONE;
      rows.add(
          new Row(
              "commands/s, " + level.clients() + (level.clients() == 1 ? " client" : " clients"),
              load(registry),
              "raw JDBC insert+commit " + load(level.jdbc()),
              Format.ratio(level.ratio()),
              targeted ? "≥ 1 000/s at p99 ≤ 50 ms; ≥ 0.1 × raw JDBC" : "–",
              verdict,
              IssueFigures.commands(level.clients())));
    }
  }

  private static Row freshness(
      FreshnessResult run, String target, Double p99TargetMs, String before) {
    Double drained = run.drainedAfterSeconds();
    String measured =
        Format.rate(run.achievedPerSecond())
            + " for "
            + Format.seconds(run.seconds())
            + " ("
            + run.clients()
            + " clients, "
            + run.events()
            + " events): to Kafka "
            + percentiles(run.toKafka())
            + "; cost "
            + percentiles(run.toCost())
            + "; reporting "
            + percentiles(run.toReporting())
            + "; "
            + (drained == null
                ? "not drained within " + Format.seconds(run.timeoutSeconds())
                : "drained " + Format.seconds(drained) + " after the burst")
            + (run.errors() > 0 ? "; " + run.errors() + " errors" : "")
            + (run.unresolved() > 0 ? "; " + run.unresolved() + " never on the topic" : "");
    Verdict verdict = Verdict.NONE;
    if (p99TargetMs != null) {
      boolean met =
          drained != null
              && run.unresolved() == 0
              && run.toCost().p99Ms() <= p99TargetMs
              && run.toReporting().p99Ms() <= p99TargetMs
              && drained <= p99TargetMs / 1000;
      verdict = Verdict.of(met);
    }
    return new Row(
        "freshness at " + Format.rate(run.targetPerSecond()) + " (" + run.name() + ")",
        measured,
        "–",
        "–",
        target,
        verdict,
        before);
  }

  private static void reads(
      ReadsResult reads, double p99Ms, String target, boolean history, List<Row> rows) {
    String scale = " (" + Format.count(reads.forums()) + " forums";
    if (reads.position() < reads.publishedPosition()) {
      scale +=
          ", read side at "
              + Format.count(reads.position())
              + " of "
              + Format.count(reads.publishedPosition());
    } else if (history) {
      scale += ", " + Format.count(reads.publishedPosition()) + " events";
    }
    scale += ")";
    for (ReadsResult.Read read : reads.reads()) {
      boolean baseline = read.name().equals(ReadTarget.HEALTH);
      boolean targeted =
          !baseline && !read.name().startsWith("health") && (history || read.clients() == 8);
      LoadResult health =
          reads.reads().stream()
              .filter(r -> r.name().equals(ReadTarget.HEALTH) && r.clients() == read.clients())
              .map(ReadsResult.Read::load)
              .findFirst()
              .orElse(null);
      rows.add(
          new Row(
              "GET " + read.name() + ", c" + read.clients() + scale,
              firstAnswer(read.firstAnswerMs()) + readLoad(read.load()),
              baseline || health == null
                  ? "–"
                  : "health, no credentials " + Format.rate(health.perSecond()),
              baseline ? "–" : Format.ratio(read.ratio()),
              targeted ? target : "–",
              targeted
                  ? Verdict.of(
                      read.load().succeeded() > 0
                          && read.load().errors() == 0
                          && read.load().latency().p99Ms() <= p99Ms)
                  : Verdict.NONE,
              history
                  ? IssueFigures.historyRead(read.name(), read.clients())
                  : IssueFigures.read(read.name(), read.clients())));
    }
  }

  private static void memory(MemoryResult memory, List<Row> rows) {
    if (memory == null || !memory.measured()) {
      rows.add(
          new Row(
              "whole stack peak RSS, all processes",
              "not measured (no stack pid)",
              "–",
              "–",
              "≤ 1 GiB",
              Verdict.NOT_MEASURED,
              IssueFigures.MEMORY));
      return;
    }
    StringBuilder kinds = new StringBuilder();
    for (MemoryResult.Kind kind : memory.kinds()) {
      kinds.append("; ").append(kind.kind()).append(' ').append(Format.mib(kind.peakRssMib()));
      if (kind.processes() > 1) {
        kinds.append(" over ").append(kind.processes()).append(" processes");
      }
    }
    rows.add(
        new Row(
            "whole stack peak RSS, all processes",
            Format.mib(memory.peakTotalRssMib())
                + (memory.peakTotalPssMib() == null
                    ? ""
                    : " (PSS " + Format.mib(memory.peakTotalPssMib()) + ")")
                + kinds
                + (memory.benchmarkConnectionsPeakRssMib() > 0
                    ? "; not counted: the benchmark's own baseline connections' backends, "
                        + Format.mib(memory.benchmarkConnectionsPeakRssMib())
                    : ""),
            "–",
            "–",
            "≤ 1 GiB",
            Verdict.of(memory.peakTotalRssMib() <= STACK_RSS_MIB),
            IssueFigures.MEMORY));
    if (memory.peakTotalPssMib() != null) {
      rows.add(
          new Row(
              "whole stack peak memory, shared pages counted once (PSS), all processes",
              Format.mib(memory.peakTotalPssMib())
                  + "; the RSS sum above counts a page shared by n processes (PostgreSQL's shared"
                  + " buffers, the libraries) n times",
              "–",
              "–",
              "≤ 1 GiB",
              Verdict.of(memory.peakTotalPssMib() <= STACK_RSS_MIB),
              "–"));
    }
    rows.add(
        new Row(
            "the benchmark's own JVM, peak RSS",
            Format.mib(memory.benchmarkPeakRssMib()),
            "–",
            "–",
            "–",
            Verdict.NONE,
            "–"));
  }

  private static String firstAnswer(Double ms) {
    if (ms == null) {
      return "";
    }
    return Double.isNaN(ms) ? "first request failed; " : "first answer " + Format.millis(ms) + "; ";
  }

  static String load(LoadResult load) {
    return Format.rate(load.perSecond())
        + " ("
        + percentiles(load.latency())
        + ", max "
        + Format.millis(load.latency().maxMs())
        + (load.errors() > 0 ? "; " + load.errors() + " errors" : "")
        + ")";
  }

  private static String readLoad(LoadResult load) {
    return percentiles(load.latency())
        + ", "
        + Format.rate(load.perSecond()).replace("/s", " req/s")
        + (load.errors() > 0 ? "; " + load.errors() + " errors" : "");
  }

  static String percentiles(LatencySummary latency) {
    if (latency.count() == 0) {
      return "no samples";
    }
    return "p50 " + Format.millis(latency.p50Ms()) + ", p99 " + Format.millis(latency.p99Ms());
  }
}
