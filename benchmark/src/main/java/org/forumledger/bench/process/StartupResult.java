package org.forumledger.bench.process;

/**
 * A first start of the stack: seconds from the process start until all three services were up
 * (their readiness UP: started and taking requests), until each answered its health check UP (the
 * local stack's health waits for the first start's inventory), until all did, and until the 2023
 * inventory was imported (the marker file) and visible in the reporting service (108 forums). Null
 * where not measured (a running stack).
 */
public record StartupResult(
    String javaOptions,
    Double servicesReadySeconds,
    Double registryHealthySeconds,
    Double costHealthySeconds,
    Double reportingHealthySeconds,
    Double allHealthySeconds,
    Double importDoneSeconds,
    Double importAfterHealthySeconds,
    Double forumsVisibleSeconds,
    Integer forumsVisible) {

  /** How long after the services were up the inventory was in; null if either is unknown. */
  public Double importAfterReadySeconds() {
    return importDoneSeconds == null || servicesReadySeconds == null
        ? null
        : importDoneSeconds - servicesReadySeconds;
  }

  public static StartupResult notMeasured() {
    return new StartupResult(null, null, null, null, null, null, null, null, null, null);
  }
}
