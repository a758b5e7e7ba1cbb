package org.forumledger.verifier.totals;

import java.math.BigDecimal;

/**
 * One year's figures recomputed from the events, exact in SEK, to set beside the reported totals.
 *
 * @param forums forums taking part that year: registered by its last day and not ended by its first
 * @param fees the sum of the annual fees that cover the year and have an amount
 * @param otherCosts the sum of the year's other costs that have an amount
 * @param notCalculated forums whose fee or other cost for the year is not calculated: counted,
 *     never summed, because unknown is not zero
 * @param reportedElsewhere forums whose fee or other cost for the year is reported under another
 *     forum: it adds nothing here, the other forum carries it
 * @param feePaying forums whose fee for the year is an amount above zero
 */
public record YearTotals(
    int year,
    int forums,
    BigDecimal fees,
    BigDecimal otherCosts,
    int notCalculated,
    int reportedElsewhere,
    int feePaying) {}
