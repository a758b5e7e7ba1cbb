package org.forumledger.cost.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.forumledger.cost.projection.MandatePeriod;
import org.forumledger.cost.projection.RuleSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The projection inputs from {@code cost-service.yml} (prefix {@code cost}); see the comments
 * there.
 */
@ConfigurationProperties("cost")
public record CostSettings(
    List<Period> mandatePeriods,
    Map<Integer, Long> population,
    Map<String, Map<Integer, BigDecimal>> exchangeRates,
    Map<Integer, BigDecimal> salaryIndex) {

  public record Period(int from, int to) {}

  public RuleSettings toRuleSettings() {
    Map<String, java.util.NavigableMap<Integer, BigDecimal>> rates = new TreeMap<>();
    if (exchangeRates != null) {
      exchangeRates.forEach((currency, byYear) -> rates.put(currency, new TreeMap<>(byYear)));
    }
    return new RuleSettings(
        mandatePeriods == null
            ? List.of()
            : mandatePeriods.stream().map(p -> new MandatePeriod(p.from(), p.to())).toList(),
        population == null ? new TreeMap<>() : new TreeMap<>(population),
        rates,
        salaryIndex == null ? new TreeMap<>() : new TreeMap<>(salaryIndex));
  }
}
