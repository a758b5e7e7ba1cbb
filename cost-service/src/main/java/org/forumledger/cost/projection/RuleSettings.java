package org.forumledger.cost.projection;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The configurable inputs of the projection rules.
 *
 * @param mandatePeriods budget mandate periods in order, e.g. 2019–2022, 2023–2026, 2027–2030
 * @param population inhabitants per year, for per-inhabitant fees
 * @param exchangeRates SEK per unit of a currency, per year (currency code → year → rate)
 * @param salaryIndex salary index per year, for staff-time costs (only ratios between years matter)
 */
public record RuleSettings(
    List<MandatePeriod> mandatePeriods,
    NavigableMap<Integer, Long> population,
    Map<String, NavigableMap<Integer, BigDecimal>> exchangeRates,
    NavigableMap<Integer, BigDecimal> salaryIndex) {

  public RuleSettings {
    mandatePeriods =
        mandatePeriods == null
            ? List.of()
            : mandatePeriods.stream().sorted(Comparator.comparingInt(MandatePeriod::from)).toList();
    population = population == null ? new TreeMap<>() : new TreeMap<>(population);
    TreeMap<String, NavigableMap<Integer, BigDecimal>> rates = new TreeMap<>();
    if (exchangeRates != null) {
      exchangeRates.forEach(
          (currency, byYear) -> rates.put(currency.toUpperCase(), new TreeMap<>(byYear)));
    }
    exchangeRates = rates;
    salaryIndex = salaryIndex == null ? new TreeMap<>() : new TreeMap<>(salaryIndex);
  }

  /**
   * The period containing {@code year}; beyond the configured ones, periods continue at the last
   * one's length.
   */
  public MandatePeriod periodOf(int year) {
    if (mandatePeriods.isEmpty()) {
      throw new IllegalStateException("No mandate periods configured");
    }
    for (MandatePeriod period : mandatePeriods) {
      if (period.contains(year)) {
        return period;
      }
    }
    MandatePeriod first = mandatePeriods.get(0);
    MandatePeriod last = mandatePeriods.get(mandatePeriods.size() - 1);
    int length = last.to() - last.from() + 1;
    if (year < first.from()) {
      int firstLength = first.to() - first.from() + 1;
      int steps = (first.from() - year + firstLength - 1) / firstLength;
      int from = first.from() - steps * firstLength;
      return new MandatePeriod(from, from + firstLength - 1);
    }
    int steps = (year - last.from()) / length;
    int from = last.from() + steps * length;
    return new MandatePeriod(from, from + length - 1);
  }

  /**
   * Projections run to the end of the mandate period after the one containing {@code currentYear}.
   */
  public int horizonEnd(int currentYear) {
    return periodOf(periodOf(currentYear).to() + 1).to();
  }

  /** The years projections cover unless asked otherwise: this year to {@link #horizonEnd}. */
  public YearRange horizon(int currentYear) {
    return new YearRange(currentYear, horizonEnd(currentYear));
  }

  /**
   * The years a forum's costs are shown for: from the start of the mandate period of its first fact
   * to the end of the horizon, or of the last fact's period when a fact lies further ahead, within
   * the ledger's calendar. This year counts as a fact, so a forum without any still shows the
   * horizon.
   */
  public YearRange yearsOf(ForumFacts forum, int currentYear) {
    IntSummaryStatistics years =
        IntStream.concat(IntStream.of(currentYear), forum.factYears()).summaryStatistics();
    return new YearRange(
            periodOf(years.getMin()).from(),
            Math.max(horizonEnd(currentYear), periodOf(years.getMax()).to()))
        .withinLedgerCalendar();
  }

  public boolean isConfigured(MandatePeriod period) {
    return mandatePeriods.contains(period);
  }
}
