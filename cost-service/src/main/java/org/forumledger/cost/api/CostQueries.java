package org.forumledger.cost.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.forumledger.cost.api.CostViews.ExplainView;
import org.forumledger.cost.api.CostViews.ForumCostsView;
import org.forumledger.cost.api.CostViews.ForumYearView;
import org.forumledger.cost.api.CostViews.MandatePeriodView;
import org.forumledger.cost.api.CostViews.ProjectionsView;
import org.forumledger.cost.api.CostViews.SavingsView;
import org.forumledger.cost.api.CostViews.YearTotalsView;
import org.forumledger.cost.projection.FigureStatus;
import org.forumledger.cost.projection.ForumFacts;
import org.forumledger.cost.projection.ForumYear;
import org.forumledger.cost.projection.ProjectionRules;
import org.forumledger.cost.projection.RuleSettings;
import org.forumledger.cost.projection.YearRange;
import org.forumledger.cost.projection.YearTotals;
import org.forumledger.cost.readmodel.FactStore;
import org.springframework.stereotype.Service;

/**
 * Answers the API's questions from the stored facts and the projection rules (blocking JDBC). Each
 * answer is computed in one snapshot, so a figure and the position it is labelled with always
 * match, even while events are being applied, and is kept by {@link Answers} until the read model
 * moves. Parameters arrive parsed and in range.
 */
@Service
public class CostQueries {

  private final Answers answers;
  private final ProjectionRules rules;
  private final Clock clock;
  private final FactStore facts;

  CostQueries(Answers answers, ProjectionRules rules, Clock clock, FactStore facts) {
    this.answers = answers;
    this.rules = rules;
    this.clock = clock;
    this.facts = facts;
  }

  /** Actual totals of a year, as every consumer of the registry computes them. */
  public YearTotalsView yearTotals(YearParam year) {
    return answers.aboutAllForums(
        "year-totals",
        (at, forums) -> YearTotalsView.of(rules.actualYear(forums, year.value()), at.position()),
        year.value());
  }

  public List<ForumYearView> yearForums(YearParam year) {
    return answers.aboutAllForums(
        "year-forums",
        (at, forums) ->
            rules.actualYear(forums, year.value()).forums().stream()
                .filter(CostQueries::relevant)
                .map(ForumYearView::of)
                .toList(),
        year.value());
  }

  public ForumCostsView forum(String forumId) {
    int thisYear = currentYear();
    return answers.aboutForum(
        "forum-costs",
        forumId,
        (at, found) -> {
          ForumFacts forum = known(forumId, found);
          YearRange years = rules.settings().yearsOf(forum, thisYear);
          return ForumCostsView.of(
              forum,
              at.position(),
              years.years().stream()
                  .map(y -> ForumYearView.of(rules.projected(forum, y)))
                  .toList());
        },
        thisYear);
  }

  public MandatePeriodView mandatePeriod(MandatePeriodParam asked) {
    RuleSettings settings = rules.settings();
    if (!settings.isConfigured(asked.period())) {
      throw new ApiProblems.UnknownMandatePeriod(
          asked.text(), settings.mandatePeriods().toString());
    }
    return answers.aboutAllForums(
        "mandate-period",
        (at, forums) ->
            MandatePeriodView.of(rules.projectedPeriod(forums, asked.period()), at.position()),
        asked.period());
  }

  /**
   * Projected years from {@code from} (this year when null) to {@code to} (the end of the horizon
   * when null), never beyond the horizon.
   */
  public ProjectionsView projections(YearParam from, YearParam to, boolean withForums) {
    YearRange horizon = rules.settings().horizon(currentYear());
    int first = from == null ? horizon.from() : from.value();
    int last = to == null ? horizon.to() : to.value();
    if (last < first) {
      throw new ApiProblems.InvalidParameter(
          "to", "'to' (" + last + ") is before 'from' (" + first + ")");
    }
    if (last > horizon.to()) {
      throw new ApiProblems.RuleBroken(
          "beyond-projection-horizon",
          "Projections run to the end of the next mandate period, "
              + horizon.to()
              + "; asked for "
              + last);
    }
    return answers.aboutAllForums(
        "projections",
        (at, forums) ->
            ProjectionsView.of(
                new YearRange(first, last)
                    .years().stream().map(y -> rules.projectedYear(forums, y)).toList(),
                at.position(),
                withForums),
        first,
        last,
        withForums);
  }

  /** Explains a year total, or an area's share of it when {@code area} is given. */
  public ExplainView explainYear(YearParam year, String area, Basis basis) {
    return answers.aboutAllForums(
        "explain-year",
        (at, forums) -> {
          YearTotals totals =
              basis == Basis.PROJECTED
                  ? rules.projectedYear(forums, year.value())
                  : rules.actualYear(forums, year.value());
          List<ForumYear> rows = totals.forums();
          if (area != null) {
            rows = rows.stream().filter(r -> area.equals(r.forum().area())).toList();
            if (rows.isEmpty()) {
              throw new ApiProblems.InvalidParameter(
                  "area", "No forum has the area '" + area + "'");
            }
          }
          return Explanations.ofYear(
              basis, area, ProjectionRules.aggregate(year.value(), rows), at.position());
        },
        year.value(),
        area,
        basis);
  }

  public ExplainView explainForumYear(String forumId, YearParam year, Basis basis) {
    return answers.aboutForum(
        "explain-forum-year",
        forumId,
        (at, found) -> {
          ForumFacts forum = known(forumId, found);
          ForumYear row =
              basis == Basis.PROJECTED
                  ? rules.projected(forum, year.value())
                  : rules.actual(forum, year.value());
          return Explanations.ofForumYear(basis, row, at.position());
        },
        year.value(),
        basis);
  }

  /**
   * What a review's decisions save per year and per mandate period; 404 for a review this service
   * has not seen opened. The review is read in the snapshot of the forums' facts.
   */
  public SavingsView savings(String reviewId) {
    return answers.aboutAllForums(
        "review-savings",
        (at, forums) ->
            SavingsView.of(
                rules.savings(
                    forums,
                    facts
                        .review(reviewId)
                        .orElseThrow(() -> new ApiProblems.UnknownReview(reviewId))),
                at.position()),
        reviewId);
  }

  /** A row of the year table: counted, or carrying a figure for the year. */
  static boolean relevant(ForumYear row) {
    return row.counted()
        || row.fee().status() != FigureStatus.NO_RECORD
        || row.otherCost().status() != FigureStatus.NO_RECORD;
  }

  private static ForumFacts known(String forumId, Optional<ForumFacts> found) {
    return found.orElseThrow(() -> new ApiProblems.UnknownForum(forumId));
  }

  private int currentYear() {
    return LocalDate.now(clock).getYear();
  }
}
