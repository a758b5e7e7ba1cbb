package org.forumledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line. {@code --quick} changes the defaults only (a small history, short windows,
 * short timeouts, results beside the real ones), so a quick run takes the same code paths.
 */
public record BenchmarkOptions(
    boolean help,
    boolean quick,
    long events,
    int forums,
    boolean useRunning,
    Path stackJar,
    List<String> stackJavaOptions,
    String registryUrl,
    String costUrl,
    String reportingUrl,
    String kafka,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    Path credentials,
    Long stackPid,
    Path out,
    Path markdown,
    Set<String> phases,
    Duration warmup,
    Duration stackWarmup,
    Duration commandWindow,
    Duration readWindow,
    double steadyRate,
    Duration burst,
    Duration timeout,
    Duration requestTimeout,
    Duration startupTimeout) {

  static final List<String> PHASES = List.of("reads", "commands", "freshness", "history");

  static final String USAGE =
      """
      Forum Ledger benchmark: measures the local stack from outside, each figure next to a raw
      baseline measured in the same run, and reports issue 10's targets (never asserts them).

        ./mvnw -q -DskipTests package && java -jar benchmark/target/benchmark-exec.jar [options]

      By default it starts local-stack/target/local-stack-exec.jar as a process of its own, with a
      fresh temporary data directory and free ports, and stops it (SIGTERM to its pid) at the end.
      Run it on a quiet machine: it measures whatever else the machine is doing too.

        --quick                  20 000 events over 500 forums, short windows: a few minutes
        --events N               events of the long history published to the topic (1 000 000)
        --forums N               new forums the history spreads over (10 000)
        --stack-jar PATH         the stack to start (local-stack/target/local-stack-exec.jar)
        --stack-java-opts "..."  JVM options for the stack (default $BENCH_STACK_JAVA_OPTS, else the
                                 README's: -Xmx384m -XX:+UseSerialGC)
        --use-running            measure a stack already running instead; it must be a throwaway
                                 one: the benchmark writes forums and publishes its history there
          --registry-url URL --cost-url URL --reporting-url URL   (localhost:8081, 8082, 8083)
          --kafka HOST:PORT      (localhost:9092)
          --jdbc-url URL --db-user U --db-password P   (jdbc:postgresql://localhost:5433/postgres)
          --credentials FILE     the stack's passwords (data/credentials.properties; or the
                                 LEDGER_*_PASSWORD variables)
          --stack-pid PID        the stack's pid, to sample its memory and CPU
        --out FILE               JSON with every figure (bench/results.json)
        --markdown FILE          the table as markdown (bench/RESULTS.md)
        --phases LIST            which to run, of reads,commands,freshness,history (all)
        --command-seconds S      measured window per client count (20)
        --read-seconds S         measured window per read and concurrency (10)
        --warmup-seconds S       unmeasured warm-up before each window (3)
        --stack-warmup-seconds S before the reads and before the commands, that long of the same
                                 load unmeasured, then a wait (at most 120 s) until the stack's CPU
                                 is quiet, its JIT done compiling what the load made hot (60; 0: none)
        --steady-rate R          commands/s of the steady freshness run (20)
        --burst-seconds S        length of each freshness run (10)
        --timeout-seconds S      how long to wait for a drain, a catch-up, a rebuild, a replay
                                 before reporting "did not finish" (1800)
        --request-timeout-seconds S   one HTTP request, then it counts as an error (120)
        --startup-timeout-seconds S   (300)
        --help
      """;

  /** The stack is measured as the README runs it, heap limit included, unless told otherwise. */
  static final String README_STACK_JAVA_OPTS = "-Xmx384m -XX:+UseSerialGC";

  private static final Set<String> FLAGS = Set.of("--help", "-h", "--quick", "--use-running");

  public static BenchmarkOptions parse(String[] args, Map<String, String> env) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (FLAGS.contains(name)) {
        given.put(name.equals("-h") ? "--help" : name, "true");
      } else if (name.startsWith("--") && i + 1 < args.length) {
        given.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("Unknown or incomplete option: " + name);
      }
    }
    Set<String> known =
        Set.of(
            "--help",
            "--quick",
            "--use-running",
            "--events",
            "--forums",
            "--stack-jar",
            "--stack-java-opts",
            "--registry-url",
            "--cost-url",
            "--reporting-url",
            "--kafka",
            "--jdbc-url",
            "--db-user",
            "--db-password",
            "--credentials",
            "--stack-pid",
            "--out",
            "--markdown",
            "--phases",
            "--command-seconds",
            "--read-seconds",
            "--warmup-seconds",
            "--stack-warmup-seconds",
            "--steady-rate",
            "--burst-seconds",
            "--timeout-seconds",
            "--request-timeout-seconds",
            "--startup-timeout-seconds");
    for (String name : given.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("Unknown option: " + name);
      }
    }
    boolean quick = given.containsKey("--quick");
    String javaOptions =
        given.getOrDefault(
            "--stack-java-opts", env.getOrDefault("BENCH_STACK_JAVA_OPTS", README_STACK_JAVA_OPTS));
    List<String> phases =
        Arrays.stream(given.getOrDefault("--phases", String.join(",", PHASES)).split(","))
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .toList();
    for (String phase : phases) {
      if (!PHASES.contains(phase)) {
        throw new IllegalArgumentException("Unknown phase " + phase + "; phases are " + PHASES);
      }
    }
    return new BenchmarkOptions(
        given.containsKey("--help"),
        quick,
        Long.parseLong(given.getOrDefault("--events", quick ? "20000" : "1000000")),
        Integer.parseInt(given.getOrDefault("--forums", quick ? "500" : "10000")),
        given.containsKey("--use-running"),
        Path.of(given.getOrDefault("--stack-jar", "local-stack/target/local-stack-exec.jar")),
        javaOptions.isBlank() ? List.of() : List.of(javaOptions.strip().split("\\s+")),
        given.getOrDefault("--registry-url", "http://localhost:8081"),
        given.getOrDefault("--cost-url", "http://localhost:8082"),
        given.getOrDefault("--reporting-url", "http://localhost:8083"),
        given.getOrDefault("--kafka", "localhost:9092"),
        given.getOrDefault("--jdbc-url", "jdbc:postgresql://localhost:5433/postgres"),
        given.getOrDefault("--db-user", env.getOrDefault("LEDGER_DB_USER", "postgres")),
        given.getOrDefault("--db-password", env.getOrDefault("LEDGER_DB_PASSWORD", "postgres")),
        Path.of(given.getOrDefault("--credentials", "data/credentials.properties")),
        given.containsKey("--stack-pid") ? Long.parseLong(given.get("--stack-pid")) : null,
        Path.of(
            given.getOrDefault("--out", quick ? "bench/results-quick.json" : "bench/results.json")),
        Path.of(
            given.getOrDefault(
                "--markdown", quick ? "bench/RESULTS-quick.md" : "bench/RESULTS.md")),
        Set.copyOf(phases),
        seconds(given, "--warmup-seconds", quick ? 1 : 3),
        seconds(given, "--stack-warmup-seconds", quick ? 20 : 60),
        seconds(given, "--command-seconds", quick ? 5 : 20),
        seconds(given, "--read-seconds", quick ? 3 : 10),
        Double.parseDouble(given.getOrDefault("--steady-rate", "20")),
        seconds(given, "--burst-seconds", quick ? 5 : 10),
        seconds(given, "--timeout-seconds", quick ? 120 : 1800),
        seconds(given, "--request-timeout-seconds", quick ? 30 : 120),
        seconds(given, "--startup-timeout-seconds", 300));
  }

  private static Duration seconds(Map<String, String> given, String name, double fallback) {
    double value = given.containsKey(name) ? Double.parseDouble(given.get(name)) : fallback;
    return Duration.ofMillis(Math.round(value * 1000));
  }

  public boolean runs(String phase) {
    return phases.contains(phase);
  }

  /** What the results record of how they were measured; no password. */
  public Map<String, Object> describe() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("mode", useRunning ? "running stack" : "stack started by the benchmark");
    settings.put("quick", quick);
    settings.put("events", events);
    settings.put("forums", forums);
    settings.put("stackJavaOptions", String.join(" ", stackJavaOptions));
    settings.put("phases", PHASES.stream().filter(phases::contains).toList());
    settings.put("warmupSeconds", warmup.toMillis() / 1000.0);
    settings.put("stackWarmupSeconds", stackWarmup.toMillis() / 1000.0);
    settings.put("commandSeconds", commandWindow.toMillis() / 1000.0);
    settings.put("readSeconds", readWindow.toMillis() / 1000.0);
    settings.put("steadyRate", steadyRate);
    settings.put("burstSeconds", burst.toMillis() / 1000.0);
    settings.put("timeoutSeconds", timeout.toSeconds());
    settings.put("requestTimeoutSeconds", requestTimeout.toSeconds());
    return settings;
  }
}
