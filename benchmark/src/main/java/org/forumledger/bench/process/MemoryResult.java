package org.forumledger.bench.process;

import java.util.List;

/**
 * The memory of the stack over the whole run, sampled every {@code sampleMillis}: the highest sum
 * of resident sets of all its processes seen at one time (and of their proportional sets, which
 * count shared pages once), per kind of process, and the benchmark's own JVM for comparison, with
 * the database backends of the benchmark's baseline connections, which the stack's sums leave out.
 */
public record MemoryResult(
    boolean measured,
    long samples,
    long sampleMillis,
    double peakTotalRssMib,
    Double peakTotalPssMib,
    List<Kind> kinds,
    double benchmarkPeakRssMib,
    double benchmarkConnectionsPeakRssMib) {

  /**
   * One kind of process (the stack's JVM, the database's processes): the peak of their summed RSS
   * at one sample, the sum of each one's own peak (VmHWM, an upper bound), and how many were seen.
   */
  public record Kind(
      String kind, int processes, double peakRssMib, double sumOfHwmMib, Double peakPssMib) {}

  public static MemoryResult notMeasured(double benchmarkPeakRssMib) {
    return new MemoryResult(false, 0, 0, 0, null, List.of(), benchmarkPeakRssMib, 0);
  }
}
