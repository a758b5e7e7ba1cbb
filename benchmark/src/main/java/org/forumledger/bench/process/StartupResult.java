package org.forumledger.bench.process;

/**
 * A first start of the stack: seconds from the process start until each service answered its health
 * check UP, until all did, and until the 2023 inventory was imported (the marker file) and visible
 * in the reporting service (108 forums). Null where not measured (a running stack).
 */
public record StartupResult(
    String javaOptions,
    Double registryHealthySeconds,
    Double costHealthySeconds,
    Double reportingHealthySeconds,
    Double allHealthySeconds,
    Double importDoneSeconds,
    Double importAfterHealthySeconds,
    Double forumsVisibleSeconds,
    Integer forumsVisible) {

  public static StartupResult notMeasured() {
    return new StartupResult(null, null, null, null, null, null, null, null, null);
  }
}
