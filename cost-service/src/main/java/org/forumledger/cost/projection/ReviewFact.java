package org.forumledger.cost.projection;

import java.time.LocalDate;

/**
 * A review round as the cost read model knows it: what its savings are labelled with.
 *
 * @param period the mandate period it reviews, null when its opening named none
 */
public record ReviewFact(
    String reviewId,
    String title,
    MandatePeriod period,
    String decisionReference,
    LocalDate openedOn,
    Provenance source) {}
