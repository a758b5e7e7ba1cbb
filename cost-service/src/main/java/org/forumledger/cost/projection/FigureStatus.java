package org.forumledger.cost.projection;

import org.forumledger.events.CostStatus;

/**
 * The contract's {@link CostStatus} plus {@code NO_RECORD}: nothing was recorded for the year, so
 * the figure is absent (neither zero nor "not calculated").
 */
public enum FigureStatus {
  AMOUNT,
  NONE,
  NOT_CALCULATED,
  REPORTED_UNDER,
  NO_RECORD;

  static FigureStatus of(CostStatus status) {
    return valueOf(status.name());
  }
}
