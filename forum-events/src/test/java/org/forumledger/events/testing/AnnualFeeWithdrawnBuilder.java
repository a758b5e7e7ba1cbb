package org.forumledger.events.testing;

import java.time.LocalDate;
import org.forumledger.events.AnnualFeeWithdrawn;

/**
 * An {@link AnnualFeeWithdrawn}: an annual fee from its year on withdrawn; effective from 1 January
 * of that year.
 */
public final class AnnualFeeWithdrawnBuilder
    extends EventBuilder<AnnualFeeWithdrawn, AnnualFeeWithdrawnBuilder> {

  private final int fromYear;

  AnnualFeeWithdrawnBuilder(String forumId, int fromYear) {
    super(forumId);
    this.fromYear = fromYear;
  }

  @Override
  protected LocalDate naturalDate() {
    return LocalDate.of(fromYear, 1, 1);
  }

  @Override
  public AnnualFeeWithdrawn payload() {
    return new AnnualFeeWithdrawn(forumId, fromYear);
  }
}
