package org.forumledger.bench.freshness;

import java.util.List;
import org.forumledger.bench.stats.LatencySummary;

/**
 * One burst of commands at a set rate ({@code achievedPerSecond}: as they were sent; {@code
 * seconds} lasts until the last answer): how long after a command's 2xx answer its event was on the
 * topic, and visible in each consumer's position; and how long after the burst's last answer each
 * consumer had drained it. Null drain times mean not within {@code timeoutSeconds}.
 */
public record FreshnessResult(
    String name,
    double targetPerSecond,
    double achievedPerSecond,
    int clients,
    double seconds,
    long commands,
    long events,
    long errors,
    List<String> firstErrors,
    LatencySummary answer,
    LatencySummary toKafka,
    LatencySummary toCost,
    LatencySummary toReporting,
    long unresolved,
    Double costDrainedAfterSeconds,
    Double reportingDrainedAfterSeconds,
    double timeoutSeconds,
    double pollMillisCost,
    double pollMillisReporting,
    double waitedBeforeSeconds,
    boolean drainedBefore) {

  /** The later of the two drains, null unless both drained. */
  public Double drainedAfterSeconds() {
    if (costDrainedAfterSeconds == null || reportingDrainedAfterSeconds == null) {
      return null;
    }
    return Math.max(costDrainedAfterSeconds, reportingDrainedAfterSeconds);
  }
}
