package org.forumledger.web.unitcosts;

import java.math.BigDecimal;
import java.util.List;

/**
 * The cost service's answer on one unit's costs in a year ({@code /costs/years/{year}/units/
 * {code}}), as the page reads it; unknown fields are ignored.
 */
public record UnitCosts(
    int year,
    String unit,
    String name,
    int forumCount,
    Sums attributable,
    Sums sharedNotApportioned,
    List<Forum> forums) {

  /** Amounts summed; forums not calculated counted, never summed. */
  public record Sums(
      int forumCount,
      BigDecimal feeSek,
      BigDecimal otherCostSek,
      BigDecimal totalSek,
      int notCalculatedCount) {}

  /** A forum the unit takes part in, with the units it shares it with. */
  public record Forum(
      String forumId,
      String inventoryReference,
      String name,
      List<String> sharedWith,
      List<Part> parts,
      BigDecimal attributableSek,
      BigDecimal sharedNotApportionedSek) {}

  /** A part of the forum's cost: the unit's own, or shared and not apportioned. */
  public record Part(
      String component,
      String attribution,
      String rule,
      String status,
      BigDecimal amountSek,
      String explanation) {}
}
