package org.forumledger.reporting.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.forumledger.events.CostRatesRecorded;

/**
 * Totals for a year from a set of forum states, by the definitions every service shares: a forum
 * counts when registered by the year's end and not ended by its first day; the fee is the one
 * covering the year; NOT_CALCULATED is counted, never summed; REPORTED_UNDER and NONE add nothing.
 * A forum-year with recorded meetings takes its other cost from them by the shared {@code
 * ParticipationCost} rule instead of its estimate; the totals count the forums on records and those
 * on estimates.
 */
public final class TotalsCalculator {

  /** The label of forums whose convener is not known, as in the cost service. */
  static final String UNKNOWN_CONVENER = "(okänd)";

  private TotalsCalculator() {}

  /** The totals of a year without cost rates: a year with recorded meetings is not calculated. */
  public static Totals totals(Collection<ForumState> forums, int year, long position) {
    return totals(forums, year, position, null);
  }

  /**
   * The totals of a year whose recorded meetings are priced at {@code rates} (the year's current
   * cost rates, null when none are recorded).
   */
  public static Totals totals(
      Collection<ForumState> forums, int year, long position, CostRatesRecorded rates) {
    Map<String, String> firstReference = new LinkedHashMap<>();
    for (ForumState forum : forums) {
      // a forum registered outside the inventory has no reference; its area sorts after the rest
      String area = areaOf(forum);
      String reference = forum.details().inventoryReference();
      String earlier = firstReference.get(area);
      if (!firstReference.containsKey(area)
          || (reference != null
              && (earlier == null || InventoryReference.compare(reference, earlier) < 0))) {
        firstReference.put(area, reference);
      }
    }
    Map<String, List<YearFigures>> byArea =
        new TreeMap<>(
            Comparator.comparing(
                    (String area) -> firstReference.get(area),
                    Comparator.nullsLast(InventoryReference.ORDER))
                .thenComparing(Comparator.naturalOrder()));
    for (ForumState forum : forums) {
      YearFigures figures = YearFigures.of(forum, year, rates);
      if (figures.relevant()) {
        byArea.computeIfAbsent(areaOf(forum), a -> new ArrayList<>()).add(figures);
      }
    }
    List<Totals.AreaTotals> areas = new ArrayList<>();
    int forumCount = 0;
    int notCalculated = 0;
    int feePaying = 0;
    int onRecords = 0;
    int onEstimates = 0;
    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal other = BigDecimal.ZERO;
    Map<String, Integer> byConvener = new TreeMap<>();
    Map<String, Integer> byKind = new TreeMap<>();
    Map<String, Integer> byStatus = new TreeMap<>();
    for (Map.Entry<String, List<YearFigures>> area : byArea.entrySet()) {
      List<YearFigures> rows = new ArrayList<>(area.getValue());
      rows.sort(
          Comparator.comparing(
                  (YearFigures f) -> f.forum().details().inventoryReference(),
                  InventoryReference.ORDER)
              .thenComparing(f -> f.forum().forumId()));
      int areaCount = 0;
      int areaNotCalculated = 0;
      BigDecimal areaFees = BigDecimal.ZERO;
      BigDecimal areaOther = BigDecimal.ZERO;
      for (YearFigures f : rows) {
        if (f.counted()) {
          areaCount++;
          byConvener.merge(
              f.forum().details().convener() == null
                  ? UNKNOWN_CONVENER
                  : f.forum().details().convener(),
              1,
              Integer::sum);
          byKind.merge(String.valueOf(f.forum().details().kind()), 1, Integer::sum);
          byStatus.merge(String.valueOf(f.forum().status()), 1, Integer::sum);
        }
        if (f.notCalculated()) {
          areaNotCalculated++;
        }
        if (f.feePaying()) {
          feePaying++;
        }
        if (f.onRecords()) {
          onRecords++;
        } else if (f.onEstimate()) {
          onEstimates++;
        }
        areaFees = areaFees.add(f.feeAmount());
        areaOther = areaOther.add(f.otherCostAmount());
      }
      areas.add(
          new Totals.AreaTotals(
              area.getKey(),
              areaCount,
              Money.plain(areaFees),
              Money.plain(areaOther),
              areaNotCalculated,
              List.copyOf(rows)));
      forumCount += areaCount;
      notCalculated += areaNotCalculated;
      fees = fees.add(areaFees);
      other = other.add(areaOther);
    }
    return new Totals(
        year,
        position,
        forumCount,
        Money.plain(fees),
        Money.plain(other),
        notCalculated,
        feePaying,
        onRecords,
        onEstimates,
        areas,
        byConvener,
        byKind,
        byStatus);
  }

  private static String areaOf(ForumState forum) {
    return forum.details().area() == null ? "" : forum.details().area();
  }

  /** The year's figures for every forum that belongs in them, in report order. */
  public static List<YearFigures> figures(
      Collection<ForumState> forums, int year, CostRatesRecorded rates) {
    return totals(forums, year, 0, rates).byArea().stream()
        .flatMap(area -> area.forums().stream())
        .collect(Collectors.toList());
  }
}
