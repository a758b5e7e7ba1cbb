package org.forumledger.cost.projection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A mandate period's projected years and their sums. Forums are not summed across years: {@code
 * notCalculatedForumCount} counts distinct forums with an uncalculated cost in any year, and in
 * {@code byArea} each area's forum and not-calculated counts are the largest of any single year
 * while its amounts are sums.
 */
public record PeriodTotals(
    MandatePeriod period,
    BigDecimal annualFeeTotal,
    BigDecimal otherCostTotal,
    BigDecimal actualSek,
    BigDecimal projectedSek,
    int notCalculatedForumCount,
    List<Aggregate> byArea,
    List<YearTotals> years) {

  public BigDecimal total() {
    return annualFeeTotal.add(otherCostTotal);
  }

  static PeriodTotals of(MandatePeriod period, List<YearTotals> years) {
    Set<String> notCalculated = new LinkedHashSet<>();
    Map<String, List<Aggregate>> areas = new LinkedHashMap<>();
    for (YearTotals year : years) {
      year.forums().stream()
          .filter(ForumYear::notCalculated)
          .forEach(f -> notCalculated.add(f.forum().forumId()));
      year.byArea().forEach(a -> areas.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a));
    }
    return new PeriodTotals(
        period,
        sum(years, YearTotals::annualFeeTotal),
        sum(years, YearTotals::otherCostTotal),
        sum(years, YearTotals::actualSek),
        sum(years, YearTotals::projectedSek),
        notCalculated.size(),
        areas.entrySet().stream().map(e -> acrossYears(e.getKey(), e.getValue())).toList(),
        List.copyOf(years));
  }

  private static Aggregate acrossYears(String area, List<Aggregate> years) {
    return new Aggregate(
        area,
        years.stream().mapToInt(Aggregate::forumCount).max().orElse(0),
        sum(years, Aggregate::annualFeeTotal),
        sum(years, Aggregate::otherCostTotal),
        years.stream().mapToInt(Aggregate::notCalculatedCount).max().orElse(0));
  }

  private static <T> BigDecimal sum(List<T> items, Function<T, BigDecimal> amount) {
    return items.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
