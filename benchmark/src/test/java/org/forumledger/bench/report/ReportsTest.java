package org.forumledger.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.forumledger.bench.commands.CommandsResult;
import org.forumledger.bench.freshness.FreshnessResult;
import org.forumledger.bench.process.MemoryResult;
import org.forumledger.bench.process.StartupResult;
import org.forumledger.bench.reads.ReadTarget;
import org.forumledger.bench.reads.ReadsResult;
import org.forumledger.bench.report.Row.Verdict;
import org.forumledger.bench.stats.LatencySummary;
import org.forumledger.bench.stats.LoadResult;
import org.forumledger.events.EventJson;
import org.junit.jupiter.api.Test;

class ReportsTest {

  private static final Machine MACHINE =
      new Machine(2, 24105, "Some CPU", "OpenJDK 17", "Debian 12", "abc1234");

  private static LoadResult load(int clients, double perSecond, double p99Ms) {
    return new LoadResult(
        clients,
        20,
        (long) (perSecond * 20),
        perSecond,
        new LatencySummary((long) (perSecond * 20), p99Ms / 4, p99Ms, p99Ms * 2, p99Ms / 3),
        0,
        List.of());
  }

  private static Results results(double commandsPerSecond, double p99Ms, double rssMib) {
    CommandsResult commands =
        new CommandsResult(
            List.of(
                new CommandsResult.Level(
                    32,
                    load(32, commandsPerSecond, p99Ms),
                    load(32, 12_000, 5),
                    commandsPerSecond / 12_000)),
            Map.of("fee", 10L));
    return new Results(
        Instant.parse("2026-03-01T12:00:00Z"),
        MACHINE,
        Map.of("quick", false),
        new StartupResult("", 8.0, 9.0, 10.0, 11.0, 11.0, 16.0, 5.0, 17.0, 108),
        null,
        commands,
        null,
        null,
        null,
        null,
        new MemoryResult(
            true,
            10,
            1000,
            rssMib,
            rssMib * 0.8,
            List.of(new MemoryResult.Kind("PostgreSQL", 9, 200, 300, 120.0)),
            150,
            400),
        List.of("a note | with a pipe"));
  }

  /** The base run's start and memory with these commands, highest-rate burst and history reads. */
  private static Results around(
      Results base, CommandsResult commands, FreshnessResult burst, ReadsResult historyReads) {
    return new Results(
        base.date(),
        MACHINE,
        base.settings(),
        base.startup(),
        null,
        commands,
        null,
        burst,
        null,
        historyReads,
        base.memory(),
        List.of());
  }

  private static Row row(List<Row> rows, String figureStart) {
    return rows.stream().filter(r -> r.figure().startsWith(figureStart)).findFirst().orElseThrow();
  }

  @Test
  void targetsAreJudgedOnWhatWasMeasured() {
    List<Row> fast = Scorecard.rows(results(1500, 40, 900));
    List<Row> slow = Scorecard.rows(results(1500, 60, 1100));

    assertThat(row(fast, "commands/s, 32").verdict()).isEqualTo(Verdict.MET);
    assertThat(row(slow, "commands/s, 32").verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(row(fast, "whole stack").verdict()).isEqualTo(Verdict.MET);
    assertThat(row(slow, "whole stack").verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(row(fast, "start to all services up").verdict()).isEqualTo(Verdict.MET);
    assertThat(row(fast, "2023 inventory").verdict()).isEqualTo(Verdict.MET);
  }

  @Test
  void theBenchmarksOwnConnectionsAreShownButNotCountedAsTheStacks() {
    Row memory = row(Scorecard.rows(results(1500, 40, 900)), "whole stack");

    assertThat(memory.measured())
        .startsWith("900 MiB")
        .endsWith("not counted: the benchmark's own baseline connections' backends, 400 MiB");
    assertThat(memory.verdict()).isEqualTo(Verdict.MET);
  }

  @Test
  void aReadsFirstAnswerIsShownBeforeItsWindowAndKeptOutOfItsVerdict() {
    Results base = results(1500, 40, 900);
    ReadsResult reads =
        new ReadsResult(
            10_000,
            1_000_000,
            1_000_000,
            List.of(
                new ReadsResult.Read(
                    ReadTarget.HEALTH, "/actuator/health", 1, load(1, 900, 5), 1, 1.2),
                new ReadsResult.Read("totals as of", "/totals", 1, load(1, 800, 6), 0.9, 23_400.0),
                new ReadsResult.Read("totals as of", "/totals", 8, load(8, 2000, 20), 1.1, null)));
    Results withHistoryReads = around(base, base.commands(), null, reads);

    List<Row> rows = Scorecard.rows(withHistoryReads);

    Row cold = row(rows, "GET totals as of, c1");
    assertThat(cold.measured()).startsWith("first answer 23.4 s; p50 ");
    assertThat(cold.verdict()).isEqualTo(Verdict.MET);
    assertThat(row(rows, "GET totals as of, c8").measured()).startsWith("p50 ");
  }

  @Test
  void memoryWithSharedPagesCountedOnceIsJudgedBesideTheRssSum() {
    List<Row> rows = Scorecard.rows(results(1500, 40, 1200));

    assertThat(row(rows, "whole stack peak RSS").verdict()).isEqualTo(Verdict.NOT_MET);
    assertThat(row(rows, "whole stack peak memory, shared pages counted once").measured())
        .startsWith("960 MiB");
    assertThat(row(rows, "whole stack peak memory, shared pages counted once").verdict())
        .isEqualTo(Verdict.MET);
  }

  @Test
  void aRatioBelowATenthOfRawJdbcMissesTheTargetEvenWhenFastEnough() {
    Results results = results(1100, 20, 900);
    CommandsResult.Level level = results.commands().levels().get(0);
    Results belowTenth =
        new Results(
            results.date(),
            MACHINE,
            results.settings(),
            results.startup(),
            null,
            new CommandsResult(
                List.of(new CommandsResult.Level(32, level.registry(), load(32, 20_000, 1), 0.055)),
                Map.of()),
            null,
            null,
            null,
            null,
            results.memory(),
            List.of());

    assertThat(row(Scorecard.rows(belowTenth), "commands/s, 32").verdict())
        .isEqualTo(Verdict.NOT_MET);
  }

  private static FreshnessResult burst(double p99Ms, Double costDrained, Double reportingDrained) {
    LatencySummary latency = new LatencySummary(500, p99Ms / 5, p99Ms, p99Ms, p99Ms / 4);
    return new FreshnessResult(
        "highest sustained rate",
        500,
        498,
        32,
        10,
        5000,
        5000,
        0,
        List.of(),
        latency,
        latency,
        latency,
        latency,
        0,
        costDrained,
        reportingDrained,
        120,
        2,
        2,
        0,
        true);
  }

  private static Verdict freshnessVerdict(FreshnessResult burst) {
    Results base = results(1500, 40, 900);
    Results withBurst = around(base, null, burst, null);
    return row(Scorecard.rows(withBurst), "freshness at").verdict();
  }

  @Test
  void freshnessMeetsItsTargetOnlyWhenBothReadSidesDrainWithinASecond() {
    assertThat(freshnessVerdict(burst(800, 0.3, 0.6))).isEqualTo(Verdict.MET);
    assertThat(freshnessVerdict(burst(1200, 0.3, 0.6))).isEqualTo(Verdict.NOT_MET);
    assertThat(freshnessVerdict(burst(800, 0.3, 4.0))).isEqualTo(Verdict.NOT_MET);
    assertThat(freshnessVerdict(burst(800, 0.3, null))).isEqualTo(Verdict.NOT_MET);
  }

  @Test
  void theJsonHoldsEveryFigureAndTheTable() throws Exception {
    Results results = results(1500, 40, 900);

    JsonNode json = EventJson.mapper().readTree(Reports.json(results, Scorecard.rows(results)));

    assertThat(json.at("/results/machine/commit").asText()).isEqualTo("abc1234");
    assertThat(json.at("/results/date").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(json.at("/results/commands/levels/0/registry/latency/p99Ms").asDouble())
        .isEqualTo(40.0);
    assertThat(json.at("/results/memory/kinds/0/processes").asInt()).isEqualTo(9);
    assertThat(json.at("/table/0/figure").asText())
        .startsWith("start to all services up, first start");
    assertThat(json.at("/table/0/verdict").asText()).isEqualTo("MET");
  }

  @Test
  void theMarkdownNamesTheMachineAndCommitAndKeepsTheIssueFiguresBeside() {
    Results results = results(400, 240, 1900);

    String markdown = Reports.markdown(results, Scorecard.rows(results));

    assertThat(markdown)
        .contains("commit: `abc1234`")
        .contains("2 cores (Some CPU)")
        .contains("before (issue 10, main at 0f3144c)")
        .contains("464/s (p50 58 ms, p99 238 ms); raw JDBC 12 537/s; 0.037")
        .contains("**NOT MET**")
        .contains("- a note | with a pipe");
    String commandsLine =
        markdown.lines().filter(l -> l.startsWith("| commands/s, 32")).findFirst().orElseThrow();
    assertThat(commandsLine.split("(?<!\\\\)\\|")).hasSize(8);
  }
}
