package org.forumledger.events.testing;

import java.time.LocalDate;
import org.forumledger.events.OtherCostWithdrawn;

/**
 * An {@link OtherCostWithdrawn}: the other costs of its year withdrawn; effective from 1 January of
 * that year.
 */
public final class OtherCostWithdrawnBuilder
    extends EventBuilder<OtherCostWithdrawn, OtherCostWithdrawnBuilder> {

  private final int year;

  OtherCostWithdrawnBuilder(String forumId, int year) {
    super(forumId);
    this.year = year;
  }

  @Override
  protected LocalDate naturalDate() {
    return LocalDate.of(year, 1, 1);
  }

  @Override
  public OtherCostWithdrawn payload() {
    return new OtherCostWithdrawn(forumId, year);
  }
}
