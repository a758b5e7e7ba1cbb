package org.forumledger.web.costs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The cost service's answers as the costs pages read them; unknown fields are ignored. */
public final class CostFigures {

  private CostFigures() {}

  /** One year's sums; {@code certainty} is ACTUAL when nothing in it is projected. */
  public record Year(
      int year,
      String certainty,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      BigDecimal total,
      BigDecimal actualSek,
      BigDecimal projectedSek,
      int notCalculatedCount) {

    public boolean projected() {
      return !"ACTUAL".equals(certainty);
    }

    /** The reading that explains the year's figures: its actuals, or the projection. */
    public String basis() {
      return projected() ? "projected" : "actual";
    }
  }

  public record Projections(int from, int to, List<Year> years) {}

  public record Period(
      int from,
      int to,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      BigDecimal total,
      BigDecimal actualSek,
      BigDecimal projectedSek,
      int notCalculatedForumCount,
      List<Year> years) {

    public String name() {
      return from + "–" + to;
    }
  }

  /** A figure explained: the rule that sums it and what each forum adds, with its events. */
  public record Explanation(
      String figure,
      String basis,
      int year,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount,
      String rule,
      List<Contribution> contributions) {}

  public record Contribution(
      String forumId,
      String forumName,
      String inventoryReference,
      String component,
      String status,
      String certainty,
      BigDecimal amountSek,
      boolean summed,
      String reportedUnder,
      String rule,
      String explanation,
      List<Fact> facts,
      List<Setting> settings) {}

  /** An event a figure rests on, with the decision it cites. */
  public record Fact(
      String eventId,
      String eventType,
      long globalPosition,
      Instant recordedAt,
      LocalDate effectiveDate,
      String decisionReference) {

    public String kind() {
      return eventType == null ? "" : eventType.substring(eventType.indexOf('.') + 1);
    }
  }

  /** A configured value a rule used, such as a population or an exchange rate. */
  public record Setting(String key, BigDecimal value) {}
}
