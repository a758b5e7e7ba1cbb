package org.forumledger.cost.api;

import org.forumledger.cost.projection.MandatePeriod;

/**
 * A mandate period as a request writes it, {@code from-to}: well formed, not yet known to be a
 * configured one.
 *
 * @param text the period as given, for the answer that it is not configured
 */
public record MandatePeriodParam(String text, MandatePeriod period) {

  public static MandatePeriodParam parse(String text) {
    String[] parts = text.split("-");
    if (parts.length != 2) {
      throw new ApiProblems.InvalidParameter(
          "period", "A mandate period is written from-to, e.g. 2023-2026");
    }
    YearParam from = YearParam.parse("from", parts[0]);
    YearParam to = YearParam.parse("to", parts[1]);
    if (to.value() < from.value()) {
      throw new ApiProblems.InvalidParameter("period", "The period ends before it starts: " + text);
    }
    return new MandatePeriodParam(text, new MandatePeriod(from.value(), to.value()));
  }
}
