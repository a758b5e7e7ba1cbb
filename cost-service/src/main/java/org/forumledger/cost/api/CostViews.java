package org.forumledger.cost.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.forumledger.cost.projection.Aggregate;
import org.forumledger.cost.projection.Certainty;
import org.forumledger.cost.projection.FeeTerms;
import org.forumledger.cost.projection.Figure;
import org.forumledger.cost.projection.FigureStatus;
import org.forumledger.cost.projection.ForumFacts;
import org.forumledger.cost.projection.ForumYear;
import org.forumledger.cost.projection.PeriodTotals;
import org.forumledger.cost.projection.ProjectionRules;
import org.forumledger.cost.projection.Provenance;
import org.forumledger.cost.projection.ReviewSavings;
import org.forumledger.cost.projection.SettingUsed;
import org.forumledger.cost.projection.StatusFact;
import org.forumledger.cost.projection.YearTotals;
import org.forumledger.events.CostCategory;
import org.forumledger.events.FeeBasis;

/**
 * The JSON shapes of the cost API. SEK amounts are exact; every {@code …Tkr} is rounded for
 * display.
 */
public final class CostViews {

  private CostViews() {}

  /** {@code GET /costs/years/{year}}: the year's actual totals. */
  public record YearTotalsView(
      int year,
      long position,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal annualFeeTotalTkr,
      BigDecimal otherCostTotal,
      BigDecimal otherCostTotalTkr,
      BigDecimal total,
      BigDecimal totalTkr,
      int notCalculatedCount,
      int otherCostOnRecords,
      int otherCostOnEstimates,
      List<AreaView> byArea,
      List<GroupView> byConvener,
      List<GroupView> byKind,
      StatusCounts byStatus) {

    static YearTotalsView of(YearTotals t, long position) {
      return new YearTotalsView(
          t.year(),
          position,
          t.forumCount(),
          t.annualFeeTotal(),
          Money.tkr(t.annualFeeTotal()),
          t.otherCostTotal(),
          Money.tkr(t.otherCostTotal()),
          t.total(),
          Money.tkr(t.total()),
          t.notCalculatedCount(),
          t.otherCostOnRecords(),
          t.otherCostOnEstimates(),
          t.byArea().stream().map(AreaView::of).toList(),
          t.byConvener().stream().map(GroupView::of).toList(),
          t.byKind().stream().map(GroupView::of).toList(),
          new StatusCounts(t.feeStatusCounts(), t.otherCostStatusCounts()));
    }
  }

  public record AreaView(
      String area,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal annualFeeTotalTkr,
      BigDecimal otherCostTotal,
      BigDecimal otherCostTotalTkr,
      int notCalculatedCount) {

    static AreaView of(Aggregate a) {
      return new AreaView(
          a.key(),
          a.forumCount(),
          a.annualFeeTotal(),
          Money.tkr(a.annualFeeTotal()),
          a.otherCostTotal(),
          Money.tkr(a.otherCostTotal()),
          a.notCalculatedCount());
    }
  }

  public record GroupView(
      String key,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      BigDecimal total,
      BigDecimal totalTkr,
      int notCalculatedCount) {

    static GroupView of(Aggregate a) {
      return new GroupView(
          a.key(),
          a.forumCount(),
          a.annualFeeTotal(),
          a.otherCostTotal(),
          a.total(),
          Money.tkr(a.total()),
          a.notCalculatedCount());
    }
  }

  /** How many forums have each status, for the fee and for the other costs. */
  public record StatusCounts(
      Map<FigureStatus, Integer> annualFee, Map<FigureStatus, Integer> otherCost) {}

  /** One forum in one year. */
  public record ForumYearView(
      String forumId,
      String inventoryReference,
      String name,
      String area,
      String convener,
      String kind,
      int year,
      boolean counted,
      Certainty certainty,
      FeeView annualFee,
      OtherCostView otherCost,
      BigDecimal totalSek,
      BigDecimal totalTkr) {

    static ForumYearView of(ForumYear y) {
      ForumFacts f = y.forum();
      return new ForumYearView(
          f.forumId(),
          f.inventoryReference(),
          f.name(),
          f.area(),
          f.convener(),
          f.kind() == null ? null : f.kind().name(),
          y.year(),
          y.counted(),
          y.certainty(),
          FeeView.of(y.fee(), y.feeTerms()),
          OtherCostView.of(y.otherCost(), y.otherByCategory()),
          y.total(),
          Money.tkr(y.total()));
    }
  }

  public record FeeView(
      FigureStatus status,
      Certainty certainty,
      BigDecimal amountSek,
      BigDecimal amountTkr,
      String currency,
      BigDecimal originalAmount,
      BigDecimal exchangeRate,
      String exchangeRateSource,
      FeeBasis basis,
      BigDecimal perInhabitantRateSek,
      Long population,
      String reportedUnder,
      String rule,
      String explanation) {

    static FeeView of(Figure fee, FeeTerms terms) {
      return new FeeView(
          fee.status(),
          fee.certainty(),
          fee.amountSek(),
          Money.tkr(fee.amountSek()),
          terms == null ? null : terms.currency(),
          terms == null ? null : terms.originalAmount(),
          terms == null ? null : terms.exchangeRate(),
          terms == null ? null : terms.rateSource(),
          terms == null ? null : terms.basis(),
          terms == null ? null : terms.perInhabitantRateSek(),
          terms == null ? null : terms.population(),
          fee.reportedUnder(),
          fee.rule(),
          fee.explanation());
    }
  }

  public record OtherCostView(
      FigureStatus status,
      Certainty certainty,
      BigDecimal totalSek,
      BigDecimal totalTkr,
      List<CategoryAmount> byCategory,
      String reportedUnder,
      String rule,
      String explanation) {

    static OtherCostView of(Figure other, Map<CostCategory, BigDecimal> categories) {
      List<CategoryAmount> lines = new ArrayList<>();
      categories.forEach((c, a) -> lines.add(new CategoryAmount(c, a, Money.tkr(a))));
      return new OtherCostView(
          other.status(),
          other.certainty(),
          other.amountSek(),
          Money.tkr(other.amountSek()),
          lines,
          other.reportedUnder(),
          other.rule(),
          other.explanation());
    }
  }

  public record CategoryAmount(CostCategory category, BigDecimal amountSek, BigDecimal amountTkr) {}

  /** {@code GET /costs/forums/{forumId}}. */
  public record ForumCostsView(
      String forumId,
      String inventoryReference,
      String name,
      String area,
      String convener,
      String kind,
      LocalDate registeredOn,
      String currentStatus,
      LocalDate currentStatusFrom,
      long position,
      List<ForumYearView> years) {

    static ForumCostsView of(ForumFacts f, long position, List<ForumYearView> years) {
      return new ForumCostsView(
          f.forumId(),
          f.inventoryReference(),
          f.name(),
          f.area(),
          f.convener(),
          f.kind() == null ? null : f.kind().name(),
          f.registeredOn(),
          f.currentStatus() == null ? "ACTIVE" : f.currentStatus().status().name(),
          f.currentStatus() == null ? null : f.currentStatus().effectiveFrom(),
          position,
          years);
    }
  }

  /** A year inside a mandate period or a projection. */
  public record YearSummaryView(
      int year,
      Certainty certainty,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal annualFeeTotalTkr,
      BigDecimal otherCostTotal,
      BigDecimal otherCostTotalTkr,
      BigDecimal total,
      BigDecimal totalTkr,
      BigDecimal actualSek,
      BigDecimal projectedSek,
      int notCalculatedCount,
      int otherCostOnRecords,
      int otherCostOnEstimates,
      List<AreaView> byArea,
      List<GroupView> byConvener,
      List<GroupView> byKind,
      StatusCounts byStatus,
      List<ForumYearView> forums) {

    static YearSummaryView of(YearTotals t, boolean withForums) {
      return new YearSummaryView(
          t.year(),
          t.certainty(),
          t.forumCount(),
          t.annualFeeTotal(),
          Money.tkr(t.annualFeeTotal()),
          t.otherCostTotal(),
          Money.tkr(t.otherCostTotal()),
          t.total(),
          Money.tkr(t.total()),
          t.actualSek(),
          t.projectedSek(),
          t.notCalculatedCount(),
          t.otherCostOnRecords(),
          t.otherCostOnEstimates(),
          t.byArea().stream().map(AreaView::of).toList(),
          t.byConvener().stream().map(GroupView::of).toList(),
          t.byKind().stream().map(GroupView::of).toList(),
          new StatusCounts(t.feeStatusCounts(), t.otherCostStatusCounts()),
          withForums ? t.forums().stream().map(ForumYearView::of).toList() : null);
    }
  }

  /**
   * {@code GET /costs/mandate-periods/{from}-{to}}: the sum of the period's years, each marked
   * actual or projected. {@code notCalculatedForumCount} counts distinct forums with an
   * uncalculated cost in any year; in {@code byArea}, forumCount and notCalculatedCount are the
   * largest of any single year (forums are not summed across years), the amounts are sums.
   */
  public record MandatePeriodView(
      int from,
      int to,
      long position,
      BigDecimal annualFeeTotal,
      BigDecimal annualFeeTotalTkr,
      BigDecimal otherCostTotal,
      BigDecimal otherCostTotalTkr,
      BigDecimal total,
      BigDecimal totalTkr,
      BigDecimal actualSek,
      BigDecimal projectedSek,
      int notCalculatedForumCount,
      List<GroupView> byArea,
      List<YearSummaryView> years) {

    static MandatePeriodView of(PeriodTotals p, long position) {
      return new MandatePeriodView(
          p.period().from(),
          p.period().to(),
          position,
          p.annualFeeTotal(),
          Money.tkr(p.annualFeeTotal()),
          p.otherCostTotal(),
          Money.tkr(p.otherCostTotal()),
          p.total(),
          Money.tkr(p.total()),
          p.actualSek(),
          p.projectedSek(),
          p.notCalculatedForumCount(),
          p.byArea().stream().map(GroupView::of).toList(),
          p.years().stream().map(y -> YearSummaryView.of(y, false)).toList());
    }
  }

  /** {@code GET /costs/projections}. */
  public record ProjectionsView(int from, int to, long position, List<YearSummaryView> years) {

    static ProjectionsView of(List<YearTotals> years, long position, boolean withForums) {
      return new ProjectionsView(
          years.get(0).year(),
          years.get(years.size() - 1).year(),
          position,
          years.stream().map(y -> YearSummaryView.of(y, withForums)).toList());
    }
  }

  /** {@code …/explain}: a figure, its value and everything it rests on. */
  public record ExplainView(
      String figure,
      String basis,
      int year,
      String forumId,
      String area,
      long position,
      int forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      int notCalculatedCount,
      String rule,
      List<Contribution> contributions) {

    /**
     * @param figure what is explained: {@code year-total}, {@code area-total} or {@code forum-year}
     * @param scope the rows the figure sums, aggregated
     */
    static ExplainView of(
        String figure,
        Basis basis,
        String forumId,
        String area,
        YearTotals scope,
        long position,
        String rule,
        List<Contribution> contributions) {
      return new ExplainView(
          figure,
          basis.parameterValue(),
          scope.year(),
          forumId,
          area,
          position,
          scope.forumCount(),
          scope.annualFeeTotal(),
          scope.otherCostTotal(),
          scope.notCalculatedCount(),
          rule,
          contributions);
    }
  }

  public record Contribution(
      String forumId,
      String forumName,
      String inventoryReference,
      String component,
      FigureStatus status,
      Certainty certainty,
      BigDecimal amountSek,
      boolean summed,
      String reportedUnder,
      String rule,
      String explanation,
      List<FactView> facts,
      List<SettingUsed> settings,
      List<String> supersedes) {

    /** One cost figure of a forum-year: the annual fee or the other costs. */
    static Contribution ofFigure(
        ForumYear row, String component, Figure figure, List<String> supersedes) {
      ForumFacts f = row.forum();
      return new Contribution(
          f.forumId(),
          f.name(),
          f.inventoryReference(),
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

    /** Whether the forum counts among the year's forums, resting on its identity and status. */
    static Contribution ofCounting(ForumYear row) {
      ForumFacts f = row.forum();
      return new Contribution(
          f.forumId(),
          f.name(),
          f.inventoryReference(),
          "forum",
          null,
          null,
          null,
          false,
          null,
          "forum.counted-in-year",
          row.counted()
              ? "Counted among the forums of " + row.year()
              : "Not counted in "
                  + row.year()
                  + " (registered later, or ended on or before 1 January)",
          Stream.concat(
                  f.identity().stream(),
                  Stream.ofNullable(f.currentStatus()).map(StatusFact::source))
              .map(FactView::of)
              .toList(),
          List.of(),
          List.of());
    }
  }

  public record FactView(
      String eventId,
      String eventType,
      long globalPosition,
      Instant recordedAt,
      LocalDate effectiveDate,
      String decisionReference) {

    static FactView of(Provenance p) {
      return new FactView(
          p.eventId(),
          p.eventType(),
          p.globalPosition(),
          p.recordedAt(),
          p.effectiveDate(),
          p.decisionReference());
    }
  }

  public record ChecksumView(long position, String checksum, long eventCount) {}

  /**
   * {@code GET /costs/reviews/{reviewId}/savings}: what the review's decisions save per year and
   * per mandate period; {@code notCalculated} counts forums whose saving is unknown.
   */
  public record SavingsView(
      String reviewId,
      String title,
      String period,
      String decisionReference,
      LocalDate openedOn,
      long position,
      String rule,
      List<SavingYearView> years,
      List<SavingPeriodView> periods,
      int notCalculated) {

    static SavingsView of(ReviewSavings s, long position) {
      return new SavingsView(
          s.review().reviewId(),
          s.review().title(),
          s.review().period() == null ? null : s.review().period().toString(),
          s.review().decisionReference(),
          s.review().openedOn(),
          position,
          "Per year, each forum the review decided on: its projected cost without the review's"
              + " decisions minus its projected cost with them ("
              + ProjectionRules.EXIT_REVIEW_DECISION
              + "); per mandate period the sum of its years. A saving whose cost without the"
              + " decisions is not calculated is unknown: counted, never summed",
          s.years().stream().map(SavingYearView::of).toList(),
          s.periods().stream()
              .map(
                  p ->
                      new SavingPeriodView(
                          p.period().toString(),
                          p.savingSek(),
                          Money.tkr(p.savingSek()),
                          p.notCalculated()))
              .toList(),
          s.notCalculated());
    }
  }

  public record SavingYearView(
      int year,
      BigDecimal savingSek,
      BigDecimal savingTkr,
      int notCalculated,
      List<SavingLineView> lines) {

    static SavingYearView of(ReviewSavings.Year y) {
      return new SavingYearView(
          y.year(),
          y.savingSek(),
          Money.tkr(y.savingSek()),
          y.notCalculated(),
          y.lines().stream().map(SavingLineView::of).toList());
    }
  }

  /** One forum's saving in a year; {@code feeSek} or {@code otherSek} null when unknown. */
  public record SavingLineView(
      String forumId,
      String inventoryReference,
      String name,
      String body,
      BigDecimal feeSek,
      BigDecimal otherSek,
      String explanation,
      List<FactView> facts) {

    static SavingLineView of(ReviewSavings.Line l) {
      return new SavingLineView(
          l.forum().forumId(),
          l.forum().inventoryReference(),
          l.forum().name(),
          l.body().code(),
          l.feeSek(),
          l.otherSek(),
          l.explanation(),
          Stream.concat(l.with().fee().facts().stream(), l.with().otherCost().facts().stream())
              .distinct()
              .map(FactView::of)
              .toList());
    }
  }

  public record SavingPeriodView(
      String period, BigDecimal savingSek, BigDecimal savingTkr, int notCalculated) {}
}
