package org.forumledger.cost.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.forumledger.cost.api.CostViews.Contribution;
import org.forumledger.cost.api.CostViews.ExplainView;
import org.forumledger.cost.api.CostViews.FactView;
import org.forumledger.cost.api.CostViews.ForumCostsView;
import org.forumledger.cost.api.CostViews.ForumYearView;
import org.forumledger.cost.api.CostViews.GroupView;
import org.forumledger.cost.api.CostViews.MandatePeriodView;
import org.forumledger.cost.api.CostViews.ProjectionsView;
import org.forumledger.cost.api.CostViews.YearSummaryView;
import org.forumledger.cost.api.CostViews.YearTotalsView;
import org.forumledger.cost.facts.FactStore;
import org.forumledger.cost.projection.Aggregate;
import org.forumledger.cost.projection.FeeFact;
import org.forumledger.cost.projection.Figure;
import org.forumledger.cost.projection.FigureStatus;
import org.forumledger.cost.projection.ForumFacts;
import org.forumledger.cost.projection.ForumYear;
import org.forumledger.cost.projection.MandatePeriod;
import org.forumledger.cost.projection.OtherCostFact;
import org.forumledger.cost.projection.ProjectionRules;
import org.forumledger.cost.projection.Provenance;
import org.forumledger.cost.projection.YearTotals;
import org.forumledger.events.LedgerCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the API's questions from the stored facts and the projection rules (blocking JDBC). Each
 * answer reads one snapshot, so a figure and the position it is labelled with always match, even
 * while events are being applied.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class CostQueries {

  static final int MIN_YEAR = LedgerCalendar.FIRST_YEAR;
  static final int MAX_YEAR = LedgerCalendar.LAST_YEAR;

  private final FactStore facts;
  private final ProjectionRules rules;
  private final Clock clock;

  public CostQueries(FactStore facts, ProjectionRules rules, Clock clock) {
    this.facts = facts;
    this.rules = rules;
    this.clock = clock;
  }

  /** Actual totals of a year, as every consumer of the registry computes them. */
  public YearTotalsView yearTotals(int year) {
    checkYear("year", year);
    long position = facts.position();
    return YearTotalsView.of(rules.actualYear(facts.loadAll(), year), position);
  }

  public List<ForumYearView> yearForums(int year) {
    checkYear("year", year);
    return rules.actualYear(facts.loadAll(), year).forums().stream()
        .filter(CostQueries::relevant)
        .map(ForumYearView::of)
        .toList();
  }

  public ForumCostsView forum(String forumId) {
    long position = facts.position();
    ForumFacts forum = facts.load(forumId).orElseThrow(() -> new ApiProblems.UnknownForum(forumId));
    int current = currentYear();
    List<Integer> factYears =
        Stream.of(
                Stream.of(current),
                forum.fees().stream().map(FeeFact::fromYear),
                forum.fees().stream().map(FeeFact::toYear).filter(java.util.Objects::nonNull),
                forum.otherCosts().stream().map(OtherCostFact::year),
                Stream.ofNullable(forum.registeredOn()).map(LocalDate::getYear))
            .flatMap(s -> s)
            .toList();
    int first = factYears.stream().min(Integer::compare).orElse(current);
    int last = factYears.stream().max(Integer::compare).orElse(current);
    // from the start of the first mandate period with a fact to the end of the next period after
    // this year (or of the last fact's period, when a fact lies further ahead)
    int from = Math.max(MIN_YEAR, rules.settings().periodOf(first).from());
    int to =
        Math.min(
            MAX_YEAR,
            Math.max(rules.settings().horizonEnd(current), rules.settings().periodOf(last).to()));
    List<ForumYearView> years =
        IntStream.rangeClosed(from, to)
            .mapToObj(y -> ForumYearView.of(rules.projected(forum, y)))
            .toList();
    return new ForumCostsView(
        forum.forumId(),
        forum.inventoryReference(),
        forum.name(),
        forum.area(),
        forum.convener(),
        forum.kind() == null ? null : forum.kind().name(),
        forum.registeredOn(),
        forum.currentStatus() == null ? "ACTIVE" : forum.currentStatus().status().name(),
        forum.currentStatus() == null ? null : forum.currentStatus().effectiveFrom(),
        position,
        years);
  }

  public MandatePeriodView mandatePeriod(String period) {
    String[] parts = period.split("-");
    if (parts.length != 2) {
      throw new ApiProblems.InvalidParameter(
          "period", "A mandate period is written from-to, e.g. 2023-2026");
    }
    int from = parseYear("from", parts[0]);
    int to = parseYear("to", parts[1]);
    MandatePeriod asked = new MandatePeriod(Math.min(from, to), Math.max(from, to));
    if (to < from) {
      throw new ApiProblems.InvalidParameter(
          "period", "The period ends before it starts: " + period);
    }
    List<MandatePeriod> configured = rules.settings().mandatePeriods();
    if (!configured.contains(asked)) {
      throw new ApiProblems.UnknownMandatePeriod(period, configured.toString());
    }
    long position = facts.position();
    List<ForumFacts> forums = facts.loadAll();
    List<YearTotals> years =
        IntStream.rangeClosed(from, to).mapToObj(y -> rules.projectedYear(forums, y)).toList();
    BigDecimal fees = sum(years.stream().map(YearTotals::annualFeeTotal));
    BigDecimal others = sum(years.stream().map(YearTotals::otherCostTotal));
    Set<String> notCalculated = new HashSet<>();
    Map<String, List<Aggregate>> areas = new LinkedHashMap<>();
    for (YearTotals year : years) {
      year.forums().stream()
          .filter(ForumYear::notCalculated)
          .forEach(f -> notCalculated.add(f.forum().forumId()));
      year.byArea().forEach(a -> areas.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a));
    }
    List<GroupView> byArea =
        areas.entrySet().stream()
            .map(
                e -> {
                  BigDecimal fee = sum(e.getValue().stream().map(Aggregate::annualFeeTotal));
                  BigDecimal other = sum(e.getValue().stream().map(Aggregate::otherCostTotal));
                  return new GroupView(
                      e.getKey(),
                      e.getValue().stream().mapToInt(Aggregate::forumCount).max().orElse(0),
                      fee,
                      other,
                      fee.add(other),
                      Money.tkr(fee.add(other)),
                      e.getValue().stream()
                          .mapToInt(Aggregate::notCalculatedCount)
                          .max()
                          .orElse(0));
                })
            .toList();
    return new MandatePeriodView(
        from,
        to,
        position,
        fees,
        Money.tkr(fees),
        others,
        Money.tkr(others),
        fees.add(others),
        Money.tkr(fees.add(others)),
        sum(years.stream().map(YearTotals::actualSek)),
        sum(years.stream().map(YearTotals::projectedSek)),
        notCalculated.size(),
        byArea,
        years.stream().map(y -> YearSummaryView.of(y, false)).toList());
  }

  public ProjectionsView projections(Integer fromParam, Integer toParam, boolean withForums) {
    int current = currentYear();
    int horizon = rules.settings().horizonEnd(current);
    int from = fromParam == null ? current : fromParam;
    int to = toParam == null ? horizon : toParam;
    checkYear("from", from);
    checkYear("to", to);
    if (to < from) {
      throw new ApiProblems.InvalidParameter(
          "to", "'to' (" + to + ") is before 'from' (" + from + ")");
    }
    if (to > horizon) {
      throw new ApiProblems.RuleBroken(
          "beyond-projection-horizon",
          "Projections run to the end of the next mandate period, "
              + horizon
              + "; asked for "
              + to);
    }
    long position = facts.position();
    List<ForumFacts> forums = facts.loadAll();
    return new ProjectionsView(
        from,
        to,
        position,
        IntStream.rangeClosed(from, to)
            .mapToObj(y -> YearSummaryView.of(rules.projectedYear(forums, y), withForums))
            .toList());
  }

  /** Explains a year total, or an area's share of it when {@code area} is given. */
  public ExplainView explainYear(int year, String area, String basis) {
    checkYear("year", year);
    boolean projected = projectedBasis(basis);
    long position = facts.position();
    List<ForumFacts> forums = facts.loadAll();
    YearTotals totals =
        projected ? rules.projectedYear(forums, year) : rules.actualYear(forums, year);
    List<ForumYear> rows = totals.forums();
    if (area != null) {
      rows = rows.stream().filter(r -> area.equals(r.forum().area())).toList();
      if (rows.isEmpty()) {
        throw new ApiProblems.InvalidParameter("area", "No forum has the area '" + area + "'");
      }
    }
    YearTotals scope = ProjectionRules.aggregate(year, rows);
    return new ExplainView(
        area == null ? "year-total" : "area-total",
        projected ? "projected" : "actual",
        year,
        null,
        area,
        position,
        scope.forumCount(),
        scope.annualFeeTotal(),
        scope.otherCostTotal(),
        scope.notCalculatedCount(),
        ruleText(projected),
        contributions(scope.forums()));
  }

  public ExplainView explainForumYear(String forumId, int year, String basis) {
    checkYear("year", year);
    boolean projected = projectedBasis(basis);
    long position = facts.position();
    ForumFacts forum = facts.load(forumId).orElseThrow(() -> new ApiProblems.UnknownForum(forumId));
    ForumYear row = projected ? rules.projected(forum, year) : rules.actual(forum, year);
    YearTotals scope = ProjectionRules.aggregate(year, List.of(row));
    List<Contribution> contributions = new ArrayList<>();
    contributions.add(contribution(row, "annualFee", row.fee(), feeSupersedes(forum, row)));
    contributions.add(contribution(row, "otherCost", row.otherCost(), otherSupersedes(forum, row)));
    List<FactView> identity = forum.identity().stream().map(FactView::of).toList();
    contributions.add(
        new Contribution(
            forum.forumId(),
            forum.name(),
            forum.inventoryReference(),
            "forum",
            null,
            null,
            null,
            false,
            null,
            "forum.counted-in-year",
            row.counted()
                ? "Counted among the forums of " + year
                : "Not counted in " + year + " (registered later, or ended on or before 1 January)",
            Stream.concat(
                    identity.stream(),
                    Stream.ofNullable(forum.currentStatus()).map(s -> FactView.of(s.source())))
                .toList(),
            List.of(),
            List.of()));
    return new ExplainView(
        "forum-year",
        projected ? "projected" : "actual",
        year,
        forumId,
        forum.area(),
        position,
        scope.forumCount(),
        scope.annualFeeTotal(),
        scope.otherCostTotal(),
        scope.notCalculatedCount(),
        ruleText(projected),
        contributions);
  }

  private static List<Contribution> contributions(List<ForumYear> rows) {
    List<Contribution> result = new ArrayList<>();
    for (ForumYear row : rows) {
      if (row.fee().status() != FigureStatus.NO_RECORD) {
        result.add(contribution(row, "annualFee", row.fee(), List.of()));
      }
      if (row.otherCost().status() != FigureStatus.NO_RECORD) {
        result.add(contribution(row, "otherCost", row.otherCost(), List.of()));
      }
    }
    return result;
  }

  private static Contribution contribution(
      ForumYear row, String component, Figure figure, List<String> supersedes) {
    return new Contribution(
        row.forum().forumId(),
        row.forum().name(),
        row.forum().inventoryReference(),
        component,
        figure.status(),
        figure.certainty(),
        figure.amountSek(),
        figure.status() == FigureStatus.AMOUNT,
        figure.reportedUnder(),
        figure.rule(),
        figure.explanation(),
        figure.facts().stream().map(FactView::of).toList(),
        figure.settings(),
        supersedes);
  }

  private static List<String> feeSupersedes(ForumFacts forum, ForumYear row) {
    Set<String> cited =
        row.fee().facts().stream()
            .map(Provenance::eventId)
            .collect(java.util.stream.Collectors.toSet());
    return forum.fees().stream()
        .filter(f -> cited.contains(f.source().eventId()))
        .flatMap(f -> f.supersedes().stream())
        .toList();
  }

  private static List<String> otherSupersedes(ForumFacts forum, ForumYear row) {
    Set<String> cited =
        row.otherCost().facts().stream()
            .map(Provenance::eventId)
            .collect(java.util.stream.Collectors.toSet());
    return forum.otherCosts().stream()
        .filter(o -> cited.contains(o.source().eventId()))
        .flatMap(o -> o.supersedes().stream())
        .toList();
  }

  private static String ruleText(boolean projected) {
    return projected
        ? "Sum of each forum's figure by the projection rules: AMOUNT figures are summed (actual where"
            + " recorded for the year, projected otherwise); NOT_CALCULATED is counted, never summed;"
            + " REPORTED_UNDER is summed only at the forum that carries it"
        : "Sum of the fee whose recorded range covers the year ("
            + ProjectionRules.TOTALS_FEE
            + ") and"
            + " the other costs recorded for the year ("
            + ProjectionRules.TOTALS_OTHER
            + "), status AMOUNT"
            + " only; NOT_CALCULATED is counted, never summed; REPORTED_UNDER is summed only at the forum"
            + " that carries it";
  }

  static boolean relevant(ForumYear row) {
    return row.counted()
        || row.fee().status() != FigureStatus.NO_RECORD
        || row.otherCost().status() != FigureStatus.NO_RECORD;
  }

  private static boolean projectedBasis(String basis) {
    if (basis == null || basis.equals("actual")) {
      return false;
    }
    if (basis.equals("projected")) {
      return true;
    }
    throw new ApiProblems.InvalidParameter(
        "basis", "basis is 'actual' or 'projected', not '" + basis + "'");
  }

  private int currentYear() {
    return LocalDate.now(clock).getYear();
  }

  static void checkYear(String name, int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new ApiProblems.InvalidParameter(
          name,
          name + " must be a year between " + MIN_YEAR + " and " + MAX_YEAR + ", not " + year);
    }
  }

  private static int parseYear(String name, String text) {
    try {
      int year = Integer.parseInt(text.trim());
      checkYear(name, year);
      return year;
    } catch (NumberFormatException e) {
      throw new ApiProblems.InvalidParameter(name, "'" + text + "' is not a year");
    }
  }

  private static BigDecimal sum(Stream<BigDecimal> values) {
    return values.reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
