package org.forumledger.bench.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forumledger.bench.stats.Daemons;

/**
 * Samples the resident memory of every process of the stack (its JVM, the embedded PostgreSQL's
 * processes and whatever they start) for as long as the run lasts, and their CPU time on request.
 * The database backends that serve the benchmark's own baseline connections are load, not stack:
 * they are sampled apart and left out of the stack's sums.
 */
public final class MemorySampler implements AutoCloseable {

  private final ProcessFamily family;
  private final Duration every;
  private final Map<Long, ProcStatus> lastSeen = new HashMap<>();
  private final Map<String, Double> peakRssByKind = new LinkedHashMap<>();
  private final Map<String, Double> peakPssByKind = new LinkedHashMap<>();
  private long samples;
  private double peakTotalRssMib;
  private Double peakTotalPssMib;
  private double benchmarkPeakRssMib;
  private double benchmarkConnectionsPeakRssMib;
  private volatile boolean running = true;
  private final Thread thread;

  public MemorySampler(ProcessFamily family, Duration every) {
    this.family = family;
    this.every = every;
    this.thread = Daemons.start("memory-sampler", this::loop);
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(every.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void sample() {
    List<ProcessHandle> processes = family.members();
    double totalRss = 0;
    double totalPss = 0;
    boolean pssKnown = true;
    Map<String, Double> rssByKind = new HashMap<>();
    Map<String, Double> pssByKind = new HashMap<>();
    double benchmarkConnectionsRss = 0;
    for (ProcessHandle process : processes) {
      ProcStatus status = ProcStatus.read(process.pid()).orElse(null);
      if (status == null) {
        continue;
      }
      if (BenchmarkDatabase.serves(status)) {
        benchmarkConnectionsRss += mib(status.rssKb());
        continue;
      }
      lastSeen.put(status.pid(), status);
      String kind = kindOf(status);
      totalRss += mib(status.rssKb());
      rssByKind.merge(kind, mib(status.rssKb()), Double::sum);
      if (status.pssKb() == null) {
        pssKnown = false;
      } else {
        totalPss += mib(status.pssKb());
        pssByKind.merge(kind, mib(status.pssKb()), Double::sum);
      }
    }
    samples++;
    benchmarkConnectionsPeakRssMib =
        Math.max(benchmarkConnectionsPeakRssMib, benchmarkConnectionsRss);
    peakTotalRssMib = Math.max(peakTotalRssMib, totalRss);
    if (pssKnown) {
      peakTotalPssMib = peakTotalPssMib == null ? totalPss : Math.max(peakTotalPssMib, totalPss);
    }
    rssByKind.forEach((kind, rss) -> peakRssByKind.merge(kind, rss, Math::max));
    pssByKind.forEach((kind, pss) -> peakPssByKind.merge(kind, pss, Math::max));
    ProcStatus.read(ProcessHandle.current().pid())
        .ifPresent(self -> benchmarkPeakRssMib = Math.max(benchmarkPeakRssMib, mib(self.hwmKb())));
  }

  /**
   * CPU seconds the stack's processes have used so far, those that ended since included (with what
   * they had used when last seen), so the figure never falls when a pooled connection's backend
   * closes.
   */
  public synchronized double cpuSeconds() {
    sample();
    long ticks = lastSeen.values().stream().mapToLong(ProcStatus::cpuTicks).sum();
    return ticks / ProcStatus.TICKS_PER_SECOND;
  }

  static String kindOf(ProcStatus status) {
    return switch (status.name()) {
      case "java" -> "stack JVM (services, Kafka broker)";
      case "postgres" -> "PostgreSQL";
      default -> "other (initdb, pg_ctl, shells)";
    };
  }

  public synchronized MemoryResult result() {
    sample();
    Map<String, Integer> processes = new LinkedHashMap<>();
    Map<String, Double> sumOfHwm = new LinkedHashMap<>();
    for (ProcStatus status : lastSeen.values()) {
      String kind = kindOf(status);
      processes.merge(kind, 1, Integer::sum);
      sumOfHwm.merge(kind, mib(status.hwmKb()), Double::sum);
    }
    List<MemoryResult.Kind> kinds = new ArrayList<>();
    peakRssByKind.forEach(
        (kind, peak) ->
            kinds.add(
                new MemoryResult.Kind(
                    kind,
                    processes.getOrDefault(kind, 0),
                    peak,
                    sumOfHwm.getOrDefault(kind, 0.0),
                    peakPssByKind.get(kind))));
    return new MemoryResult(
        true,
        samples,
        every.toMillis(),
        peakTotalRssMib,
        peakTotalPssMib,
        kinds,
        benchmarkPeakRssMib,
        benchmarkConnectionsPeakRssMib);
  }

  private static double mib(long kb) {
    return kb / 1024.0;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
