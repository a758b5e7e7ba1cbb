package org.forumledger.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.Body;
import org.forumledger.events.CostStatus;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.Money;
import org.forumledger.reporting.history.Totals;
import org.forumledger.reporting.history.YearFigures;

/** Lays out the appendix from the same {@link Totals} the totals endpoint serves. */
public final class AppendixBuilder {

  static final String NOT_CALCULATED = "ej beräknad";

  private AppendixBuilder() {}

  public static AppendixReport build(Totals totals, LocalDate asOf, Instant knownAt) {
    List<AppendixReport.Section> sections = new ArrayList<>();
    for (Totals.AreaTotals area : totals.byArea()) {
      List<AppendixReport.Row> rows = new ArrayList<>();
      for (YearFigures figures : area.forums()) {
        rows.add(row(figures));
      }
      sections.add(
          new AppendixReport.Section(
              area.area(),
              rows,
              area.forumCount(),
              area.notCalculatedCount(),
              area.annualFeeTotal(),
              area.otherCostTotal(),
              Money.tkr(area.annualFeeTotal()),
              Money.tkr(area.otherCostTotal())));
    }
    return new AppendixReport(
        totals.year(),
        asOf,
        knownAt,
        totals.position(),
        sections,
        totals.forumCount(),
        totals.notCalculatedCount(),
        totals.annualFeeTotal(),
        totals.otherCostTotal(),
        Money.tkr(totals.annualFeeTotal()),
        Money.tkr(totals.otherCostTotal()));
  }

  private static AppendixReport.Row row(YearFigures f) {
    ForumState forum = f.forum();
    AnnualFeeSet fee = f.fee();
    OtherCostRecorded other = f.otherCost();
    return new AppendixReport.Row(
        forum.details().inventoryReference(),
        forum.details().name(),
        people(forum, f.year(), Body.SLK),
        people(forum, f.year(), Body.KS),
        fee == null ? "" : cell(fee.status(), fee.amountSek(), fee.reportedUnder()),
        other == null ? "" : cell(other.status(), other.totalSek(), other.reportedUnder()),
        fee != null && fee.status() == CostStatus.AMOUNT ? Money.tkr(f.feeAmount()) : null,
        other != null && other.status() == CostStatus.AMOUNT
            ? Money.tkr(f.otherCostAmount())
            : null);
  }

  /** A headcount as the source wrote it wins; otherwise the named appointments that year. */
  private static String people(ForumState forum, int year, Body body) {
    return forum
        .headcountFor(year, body)
        .map(
            h ->
                h.asWritten() != null && !h.asWritten().isBlank()
                    ? h.asWritten()
                    : h.headcount().min() == h.headcount().max()
                        ? String.valueOf(h.headcount().min())
                        : h.headcount().min() + "-" + h.headcount().max())
        .orElseGet(
            () -> {
              long count = forum.appointmentsIn(year, body);
              return count == 0 ? "-" : String.valueOf(count);
            });
  }

  private static String cell(CostStatus status, BigDecimal amount, String reportedUnder) {
    return switch (status) {
      case AMOUNT -> Money.tkr(amount == null ? BigDecimal.ZERO : amount).toPlainString();
      case NONE -> "-";
      case NOT_CALCULATED -> NOT_CALCULATED;
      case REPORTED_UNDER -> "se " + (reportedUnder == null ? "annan post" : reportedUnder);
    };
  }
}
