package org.forumledger.reporting.report;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.Body;
import org.forumledger.events.CostStatus;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.InventoryReference;
import org.forumledger.reporting.history.Money;
import org.forumledger.reporting.history.Totals;
import org.forumledger.reporting.history.YearFigures;

/**
 * Lays out the appendix from the same {@link Totals} the totals endpoint serves.
 *
 * <p>Headings come from the forums' own data: an area's number is the section its forums' sections
 * share (2.12 for 2.12.1.1 … 2.12.7.5), a sub-area's the one its forums share (2.12.1), nothing
 * when the forums have no section. Within an area the forums of the area itself come first, then
 * each sub-area in the order of its number (sub-areas without one after, by name); within each,
 * forums in the order of their section, and forums without a section after them by name (Swedish
 * collation), then by id, so the order is the same on every call.
 */
public final class AppendixBuilder {

  static final String NOT_CALCULATED = "ej beräknad";

  private static final Collator SWEDISH = Collator.getInstance(Locale.forLanguageTag("sv-SE"));

  private AppendixBuilder() {}

  public static AppendixReport build(Totals totals, LocalDate asOf, Instant knownAt) {
    List<AppendixReport.Section> sections = new ArrayList<>();
    for (Totals.AreaTotals area : totals.byArea()) {
      Map<String, String> subareaNumbers = subareaNumbers(area.forums());
      List<AppendixReport.Row> rows = new ArrayList<>();
      for (YearFigures figures : area.forums()) {
        rows.add(row(figures, subareaNumbers));
      }
      rows.sort(order(subareaNumbers));
      sections.add(
          new AppendixReport.Section(
              areaNumber(area.forums()),
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

  private static Comparator<AppendixReport.Row> order(Map<String, String> subareaNumbers) {
    Comparator<String> byName = Comparator.nullsFirst(SWEDISH::compare);
    return Comparator.comparing((AppendixReport.Row r) -> r.subarea() != null)
        .thenComparing(
            r -> subareaNumbers.get(r.subarea()), Comparator.nullsLast(InventoryReference.ORDER))
        .thenComparing(AppendixReport.Row::subarea, byName)
        .thenComparing(
            AppendixReport.Row::reference, Comparator.nullsLast(InventoryReference.ORDER))
        .thenComparing(AppendixReport.Row::name, byName);
  }

  /** The area's number: shared by its forums' sections and above each forum's (sub-area's). */
  private static String areaNumber(List<YearFigures> forums) {
    List<String> references = new ArrayList<>();
    int depth = Integer.MAX_VALUE;
    for (YearFigures f : forums) {
      String reference = f.forum().details().inventoryReference();
      if (reference != null) {
        references.add(reference);
        int below = f.forum().details().subarea() == null ? 1 : 2;
        depth = Math.min(depth, parts(reference).length - below);
      }
    }
    return shared(references, depth);
  }

  private static Map<String, String> subareaNumbers(List<YearFigures> forums) {
    Map<String, List<String>> references = new HashMap<>();
    for (YearFigures f : forums) {
      String subarea = f.forum().details().subarea();
      String reference = f.forum().details().inventoryReference();
      if (subarea != null) {
        List<String> of = references.computeIfAbsent(subarea, s -> new ArrayList<>());
        if (reference != null) {
          of.add(reference);
        }
      }
    }
    Map<String, String> numbers = new HashMap<>();
    references.forEach(
        (subarea, refs) -> {
          int depth = refs.stream().mapToInt(r -> parts(r).length - 1).min().orElse(0);
          String number = shared(refs, depth);
          if (number != null) {
            numbers.put(subarea, number);
          }
        });
    return numbers;
  }

  /** The leading parts all references share, at most {@code depth} of them; null when none. */
  private static String shared(List<String> references, int depth) {
    if (references.isEmpty() || depth < 1) {
      return null;
    }
    String[] first = parts(references.get(0));
    int common = Math.min(first.length, depth);
    for (String reference : references) {
      String[] p = parts(reference);
      int i = 0;
      while (i < common && i < p.length && p[i].equals(first[i])) {
        i++;
      }
      common = i;
    }
    return common == 0 ? null : String.join(".", List.of(first).subList(0, common));
  }

  private static String[] parts(String reference) {
    return reference.split("\\.");
  }

  private static AppendixReport.Row row(YearFigures f, Map<String, String> subareaNumbers) {
    ForumState forum = f.forum();
    AnnualFeeSet fee = f.fee();
    CostStatus otherStatus = f.otherCostStatus();
    String otherReported = f.otherCost() == null ? null : f.otherCost().reportedUnder();
    String subarea = forum.details().subarea();
    return new AppendixReport.Row(
        forum.details().inventoryReference(),
        forum.details().name(),
        subarea == null ? null : subareaNumbers.get(subarea),
        subarea,
        people(forum, f.year(), Body.SLK),
        people(forum, f.year(), Body.KS),
        fee == null ? "" : cell(fee.status(), fee.amountSek(), fee.reportedUnder()),
        otherStatus == null ? "" : cell(otherStatus, f.otherCostAmount(), otherReported),
        fee != null && fee.status() == CostStatus.AMOUNT ? Money.tkr(f.feeAmount()) : null,
        otherStatus == CostStatus.AMOUNT ? Money.tkr(f.otherCostAmount()) : null,
        basis(f));
  }

  /** What a derived other cost rests on, null for an estimate. */
  static String basis(YearFigures f) {
    if (!f.onRecords()) {
      return null;
    }
    int meetings = f.recordedMeetings();
    String of = meetings == 1 ? "1 registrerat möte" : meetings + " registrerade möten";
    return f.derivation().derived()
        ? "härledd ur " + of
        : of + ", inga kostnadssatser registrerade för " + f.year();
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
      case AMOUNT -> Amounts.plain(Money.tkr(amount == null ? BigDecimal.ZERO : amount));
      case NONE -> "-";
      case NOT_CALCULATED -> NOT_CALCULATED;
      case REPORTED_UNDER -> "se " + (reportedUnder == null ? "annan post" : reportedUnder);
    };
  }
}
