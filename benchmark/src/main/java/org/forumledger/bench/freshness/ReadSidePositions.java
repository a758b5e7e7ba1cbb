package org.forumledger.bench.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import org.forumledger.bench.http.Http;
import org.forumledger.bench.process.StackEndpoints;

/**
 * The global position each consumer has applied, as the service itself reports it: the kit's gauge
 * {@code ledger.events.position} (auditors may read metrics), which costs one indexed query, or,
 * where a service has no such gauge, the position its documented answers carry (the cost checksum,
 * the reporting totals), which cost a whole read.
 */
public final class ReadSidePositions {

  static final String GAUGE = "/actuator/metrics/ledger.events.position";

  private final Http http;
  private final StackEndpoints stack;

  public ReadSidePositions(Http http, StackEndpoints stack) {
    this.http = http;
    this.stack = stack;
  }

  public long cost() {
    return position(stack.costUrl(), "/costs/checksum");
  }

  public long reporting() {
    return position(stack.reportingUrl(), "/reports/totals?year=2023");
  }

  /** The lower of the two: everything up to it is visible on both read sides. */
  public long both() {
    return Math.min(cost(), reporting());
  }

  private long position(String baseUrl, String documentedFallback) {
    Http.Answer gauge = http.get(baseUrl + GAUGE, stack.users().auditorAuth());
    if (gauge.ok()) {
      return gaugeValue(gauge.json());
    }
    Http.Answer answer = http.getWhole(baseUrl + documentedFallback, stack.users().viewerAuth());
    if (!answer.ok()) {
      throw new IllegalStateException(
          "No position from " + baseUrl + ": " + answer.status() + " " + answer.snippet());
    }
    return answer.json().path("position").asLong();
  }

  static long gaugeValue(JsonNode metric) {
    for (JsonNode measurement : metric.path("measurements")) {
      if ("VALUE".equals(measurement.path("statistic").asText())) {
        return (long) measurement.path("value").asDouble();
      }
    }
    throw new IllegalStateException("No VALUE in " + metric);
  }
}
