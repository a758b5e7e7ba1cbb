package org.forumledger.events;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * The annual fee from {@code fromYear} (through {@code toYear}, or open-ended when null) was set,
 * or corrected when {@code correction} is true. A later event for the same {@code fromYear}
 * replaces the earlier one; history keeps both.
 *
 * <p>Only a fee with status {@link CostStatus#AMOUNT} has an amount. {@code amountSek} is exact;
 * for a fee set in another currency {@code originalAmount} and {@code exchangeRate} (SEK per unit)
 * say how it was derived. A per-inhabitant fee names its rate and the population used; a project
 * share names the project's total.
 */
@Revision("1")
public record AnnualFeeSet(
    String forumId,
    int fromYear,
    Integer toYear,
    CostStatus status,
    BigDecimal amountSek,
    String currency,
    BigDecimal originalAmount,
    BigDecimal exchangeRate,
    FeeBasis basis,
    BigDecimal perInhabitantRateSek,
    Long population,
    BigDecimal projectTotalSek,
    String reportedUnder,
    boolean correction)
    implements ForumEvent {}
