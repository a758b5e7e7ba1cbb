package org.forumledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.forumledger.bench.commands.CommandsPhase;
import org.forumledger.bench.commands.CommandsResult;
import org.forumledger.bench.freshness.FreshnessPhase;
import org.forumledger.bench.freshness.FreshnessResult;
import org.forumledger.bench.freshness.ReadSide;
import org.forumledger.bench.freshness.ReadSidePositions;
import org.forumledger.bench.freshness.RegistryStore;
import org.forumledger.bench.history.HistoryPhase;
import org.forumledger.bench.history.HistoryResult;
import org.forumledger.bench.http.Http;
import org.forumledger.bench.http.Users;
import org.forumledger.bench.process.MemoryResult;
import org.forumledger.bench.process.MemorySampler;
import org.forumledger.bench.process.ProcessFamily;
import org.forumledger.bench.process.StackEndpoints;
import org.forumledger.bench.process.StackProcess;
import org.forumledger.bench.process.StartupResult;
import org.forumledger.bench.reads.ReadTarget;
import org.forumledger.bench.reads.ReadsPhase;
import org.forumledger.bench.reads.ReadsResult;
import org.forumledger.bench.report.Format;
import org.forumledger.bench.report.Machine;
import org.forumledger.bench.report.Reports;
import org.forumledger.bench.report.Results;
import org.forumledger.bench.report.Row;
import org.forumledger.bench.report.Scorecard;
import org.forumledger.bench.stats.LoadResult;
import org.forumledger.bench.stats.QuietStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the phases in the order that keeps each figure comparable: reads while the stack holds only
 * the 2023 inventory, then commands, freshness, and last the long history, which makes the stack
 * big for good. Whatever happens, it writes what it measured and stops the stack it started.
 */
public final class Benchmark {

  private static final Logger log = LoggerFactory.getLogger(Benchmark.class);

  /** What the command prints for the person who ran it: plain lines on stdout (logback.xml). */
  private static final Logger output = LoggerFactory.getLogger("org.forumledger.bench.output");

  private static final long HISTORY_SEED = 20_231_122L;
  private static final int WARM_UP_CLIENTS = 8;
  private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(120);

  private final BenchmarkOptions options;
  private final Http http;
  private final List<String> notes = new ArrayList<>();
  private StackProcess stack;
  private MemorySampler sampler;

  private StartupResult startup = StartupResult.notMeasured();
  private ReadsResult reads;
  private CommandsResult commands;
  private FreshnessResult freshnessLow;
  private FreshnessResult freshnessHigh;
  private HistoryResult history;
  private ReadsResult historyReads;

  private Benchmark(BenchmarkOptions options) {
    this.options = options;
    this.http = new Http(options.requestTimeout());
  }

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      log.error("{}\n\n{}", e.getMessage(), BenchmarkOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      output.info(BenchmarkOptions.USAGE);
      return;
    }
    Benchmark benchmark = new Benchmark(options);
    Thread stopper = new Thread(benchmark::stopStack, "stop-stack");
    Runtime.getRuntime().addShutdownHook(stopper);
    benchmark.run();
    Runtime.getRuntime().removeShutdownHook(stopper);
  }

  private void run() throws Exception {
    Instant date = Instant.now();
    MemoryResult memory = MemoryResult.notMeasured(0);
    try {
      StackEndpoints endpoints = connect();
      measure(endpoints);
    } catch (Exception e) {
      log.error("The run stopped early", e);
      notes.add("The run stopped early: " + e);
    } finally {
      if (sampler != null) {
        memory = sampler.result();
      }
      stopStack();
    }
    Results results =
        new Results(
            date,
            Machine.detect(),
            options.describe(),
            startup,
            reads,
            commands,
            freshnessLow,
            freshnessHigh,
            history,
            historyReads,
            memory,
            List.copyOf(notes));
    List<Row> rows = Scorecard.rows(results);
    output.info("\n{}", Reports.table(rows));
    Reports.write(options.out(), Reports.json(results, rows));
    Reports.write(options.markdown(), Reports.markdown(results, rows));
    output.info("Written: {} and {}", options.out(), options.markdown());
  }

  private StackEndpoints connect() {
    if (options.useRunning()) {
      if (options.stackPid() != null) {
        ProcessHandle running =
            ProcessHandle.of(options.stackPid())
                .orElseThrow(
                    () -> new IllegalArgumentException("No process " + options.stackPid()));
        sampler =
            new MemorySampler(
                new ProcessFamily(running, ProcessFamily.postgresOnPortOf(options.jdbcUrl())),
                sampleEvery());
      } else {
        notes.add("Memory not measured: no --stack-pid for the running stack.");
      }
      return new StackEndpoints(
          options.registryUrl(),
          options.costUrl(),
          options.reportingUrl(),
          options.kafka(),
          options.jdbcUrl(),
          options.dbUser(),
          options.dbPassword(),
          Users.from(options.credentials(), System.getenv()),
          options.credentials().toAbsolutePath().resolveSibling("signing"));
    }
    Path log = options.out().toAbsolutePath().resolveSibling("stack.log");
    stack = StackProcess.start(options.stackJar(), options.stackJavaOptions(), log);
    sampler = new MemorySampler(stack.family(), sampleEvery());
    startup = stack.awaitStarted(http, options.startupTimeout());
    Benchmark.log.info("Started: {}", startup);
    return stack.endpoints();
  }

  private Duration sampleEvery() {
    return Duration.ofMillis(options.quick() ? 500 : 1000);
  }

  private void measure(StackEndpoints endpoints) throws Exception {
    ReadSidePositions positions = new ReadSidePositions(http, endpoints);
    RegistryStore registry = new RegistryStore(endpoints);
    ReadSide readSide = new ReadSide(registry, positions);
    ReadsPhase readsPhase = new ReadsPhase(http, options.warmup(), options.readWindow());
    List<Integer> readConcurrency = List.of(1, 8);

    if (options.runs("reads")) {
      log.info("Reads: waiting for the read side: {}", readSide.awaitDrained(options.timeout()));
      warmUpReads(ReadTarget.standard(endpoints));
      reads =
          readsPhase.run(
              ReadTarget.standard(endpoints),
              readConcurrency,
              registry.forumCount(),
              positions.both(),
              registry.highestPosition());
    }
    if (options.runs("commands")) {
      CommandsPhase phase =
          new CommandsPhase(http, endpoints, options.warmup(), options.commandWindow());
      if (!options.stackWarmup().isZero()) {
        LoadResult load = phase.warmUp(WARM_UP_CLIENTS, options.stackWarmup());
        warmedUp(
            "the command mix at "
                + WARM_UP_CLIENTS
                + " clients for "
                + Format.seconds(load.seconds())
                + " ("
                + load.succeeded()
                + " commands, "
                + load.errors()
                + " errors)",
            "commands");
      }
      commands = phase.run(List.of(1, 8, 32));
    }
    if (options.runs("freshness")) {
      FreshnessPhase freshness =
          new FreshnessPhase(http, endpoints, positions, readSide, options.timeout());
      freshnessLow = freshness.run("steady", options.steadyRate(), 2, options.burst());
      double highRate = commands == null ? 200 : commands.fastest().registry().perSecond();
      int clients = commands == null ? 32 : commands.fastest().clients();
      if (commands == null) {
        notes.add("No commands phase: the freshness burst ran at 200/s with 32 clients.");
      }
      freshnessHigh = freshness.run("highest sustained rate", highRate, clients, options.burst());
    }
    if (options.runs("history")) {
      history =
          new HistoryPhase(
                  http, endpoints, positions, readSide, registry, stackCpu(), options.timeout())
              .run(options.forums(), options.events(), HISTORY_SEED);
      String knownAt = history.published().middleRecordedAt().toString();
      historyReads =
          readsPhase.run(
              ReadTarget.withKnownAt(endpoints, knownAt),
              readConcurrency,
              registry.forumCount() + options.forums(),
              positions.both(),
              history.published().lastPosition());
    }
  }

  /** Each read target for its share of the warm-up, unmeasured, then a quiet stack. */
  private void warmUpReads(List<ReadTarget> targets) {
    if (options.stackWarmup().isZero()) {
      return;
    }
    Duration each = options.stackWarmup().dividedBy(targets.size());
    new ReadsPhase(http, Duration.ZERO, each).run(targets, List.of(WARM_UP_CLIENTS), 0, 0, 0);
    warmedUp(
        "each of the "
            + targets.size()
            + " reads at "
            + WARM_UP_CLIENTS
            + " clients for "
            + Format.seconds(each.toMillis() / 1000.0),
        "reads");
  }

  private void warmedUp(String load, String before) {
    QuietStack.Result quiet = QuietStack.await(stackCpu(), QUIET_TIMEOUT);
    String note =
        "Warm-up before the " + before + ": " + load + ", unmeasured; " + quiet.describe();
    log.info(note);
    notes.add(note + ".");
  }

  /** The CPU seconds the stack has used, or NaN where its processes are not known. */
  private DoubleSupplier stackCpu() {
    return sampler == null ? () -> Double.NaN : sampler::cpuSeconds;
  }

  private synchronized void stopStack() {
    if (sampler != null) {
      sampler.close();
    }
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }
}
