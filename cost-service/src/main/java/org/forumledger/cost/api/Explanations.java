package org.forumledger.cost.api;

import java.util.ArrayList;
import java.util.List;
import org.forumledger.cost.api.CostViews.Contribution;
import org.forumledger.cost.api.CostViews.ExplainView;
import org.forumledger.cost.projection.CorrectableFact;
import org.forumledger.cost.projection.FigureStatus;
import org.forumledger.cost.projection.ForumFacts;
import org.forumledger.cost.projection.ForumYear;
import org.forumledger.cost.projection.ProjectionRules;
import org.forumledger.cost.projection.YearTotals;

/** The {@code explain} answers: a figure, the rule that sums it, and what each forum adds. */
final class Explanations {

  private Explanations() {}

  /** A year's total, or an area's share of it when {@code area} is given. */
  static ExplainView ofYear(Basis basis, String area, YearTotals scope, long position) {
    List<Contribution> contributions = new ArrayList<>();
    for (ForumYear row : scope.forums()) {
      if (row.fee().status() != FigureStatus.NO_RECORD) {
        contributions.add(Contribution.ofFigure(row, "annualFee", row.fee(), List.of()));
      }
      if (row.otherCost().status() != FigureStatus.NO_RECORD) {
        contributions.add(Contribution.ofFigure(row, "otherCost", row.otherCost(), List.of()));
      }
    }
    return ExplainView.of(
        area == null ? "year-total" : "area-total",
        basis,
        null,
        area,
        scope,
        position,
        rule(basis),
        contributions);
  }

  /** One forum's year: both figures with the corrections behind them, and whether it counts. */
  static ExplainView ofForumYear(Basis basis, ForumYear row, long position) {
    ForumFacts forum = row.forum();
    List<Contribution> contributions =
        List.of(
            Contribution.ofFigure(
                row,
                "annualFee",
                row.fee(),
                CorrectableFact.supersededBehind(row.fee(), feeFacts(forum))),
            Contribution.ofFigure(
                row,
                "otherCost",
                row.otherCost(),
                CorrectableFact.supersededBehind(row.otherCost(), otherCostFacts(forum))),
            Contribution.ofCounting(row));
    return ExplainView.of(
        "forum-year",
        basis,
        forum.forumId(),
        forum.area(),
        ProjectionRules.aggregate(row.year(), List.of(row)),
        position,
        rule(basis),
        contributions);
  }

  /** What a fee figure may rest on: the fees and the reviews' decisions. */
  private static List<CorrectableFact> feeFacts(ForumFacts forum) {
    List<CorrectableFact> facts = new ArrayList<>(forum.fees());
    facts.addAll(forum.decisions());
    return facts;
  }

  /**
   * What an other-cost figure may rest on: estimates, meetings, the years' rates and the reviews'
   * decisions.
   */
  private static List<CorrectableFact> otherCostFacts(ForumFacts forum) {
    List<CorrectableFact> facts = new ArrayList<>(forum.otherCosts());
    facts.addAll(forum.participations());
    facts.addAll(forum.rates().values());
    facts.addAll(forum.decisions());
    return facts;
  }

  private static String rule(Basis basis) {
    return basis == Basis.PROJECTED
        ? "Sum of each forum's figure by the projection rules: AMOUNT figures are summed (actual where"
            + " recorded for the year, projected otherwise); NOT_CALCULATED is counted, never summed;"
            + " REPORTED_UNDER is summed only at the forum that carries it; a forum the city leaves by"
            + " a review's decision has no fee and no other cost from the first 1 January on or"
            + " after the leave date ("
            + ProjectionRules.EXIT_REVIEW_DECISION
            + ")"
        : "Sum of the fee whose recorded range covers the year ("
            + ProjectionRules.TOTALS_FEE
            + ") and"
            + " the other costs recorded for the year ("
            + ProjectionRules.TOTALS_OTHER
            + "), or where meetings are recorded for the year the other costs derived from them"
            + " and the year's cost rates ("
            + ProjectionRules.OTHER_FROM_PARTICIPATION
            + "), status AMOUNT"
            + " only; NOT_CALCULATED is counted, never summed; REPORTED_UNDER is summed only at the forum"
            + " that carries it";
  }
}
