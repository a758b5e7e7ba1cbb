package org.forumledger.bench.reads;

import java.util.ArrayList;
import java.util.List;
import org.forumledger.bench.process.StackEndpoints;

/**
 * One read the benchmark repeats: a name for the report, the full URL, and the authorization sent
 * (null: none). {@code baseline} marks the reference every other read is compared with.
 */
public record ReadTarget(String name, String url, String authorization, boolean baseline) {

  public static final String HEALTH = "health, no credentials";

  /** The health endpoint without credentials (the baseline), then the reads the issue names. */
  public static List<ReadTarget> standard(StackEndpoints stack) {
    String viewer = stack.users().viewerAuth();
    List<ReadTarget> targets = new ArrayList<>();
    targets.add(new ReadTarget(HEALTH, stack.reportingUrl() + "/actuator/health", null, true));
    targets.add(
        new ReadTarget(
            "health, viewer credentials",
            stack.reportingUrl() + "/actuator/health",
            viewer,
            false));
    targets.add(
        new ReadTarget(
            "totals 2023", stack.reportingUrl() + "/reports/totals?year=2023", viewer, false));
    targets.add(
        new ReadTarget(
            "cost year table 2023", stack.costUrl() + "/costs/years/2023", viewer, false));
    targets.add(
        new ReadTarget(
            "totals 2023 as of 2023-06-30",
            stack.reportingUrl() + "/reports/totals?year=2023&asOf=2023-06-30",
            viewer,
            false));
    targets.add(
        new ReadTarget(
            "appendix 2023 html",
            stack.reportingUrl() + "/reports/appendix?year=2023&format=html",
            viewer,
            false));
    return targets;
  }

  /** The standard reads and, in both times, as of a date as known at an instant. */
  public static List<ReadTarget> withKnownAt(StackEndpoints stack, String knownAt) {
    List<ReadTarget> targets = new ArrayList<>(standard(stack));
    targets.add(
        new ReadTarget(
            "totals 2023 as of 2023-06-30 known at mid-history",
            stack.reportingUrl() + "/reports/totals?year=2023&asOf=2023-06-30&knownAt=" + knownAt,
            stack.users().viewerAuth(),
            false));
    return targets;
  }
}
