package org.forumledger.cost.projection;

import java.math.BigDecimal;
import java.util.List;
import org.forumledger.events.CostStatus;
import org.forumledger.events.ExchangeRateSource;
import org.forumledger.events.FeeBasis;

/**
 * The latest annual fee recorded from {@code fromYear}; {@code supersedes} are the events it
 * replaced.
 */
public record FeeFact(
    int fromYear,
    Integer toYear,
    CostStatus status,
    BigDecimal amountSek,
    String currency,
    BigDecimal originalAmount,
    BigDecimal exchangeRate,
    ExchangeRateSource exchangeRateSource,
    FeeBasis basis,
    BigDecimal perInhabitantRateSek,
    Long population,
    BigDecimal projectTotalSek,
    String reportedUnder,
    boolean correction,
    Provenance source,
    List<String> supersedes)
    implements CorrectableFact {

  public FeeFact {
    supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
  }

  boolean covers(int year) {
    return fromYear <= year && (toYear == null || toYear >= year);
  }

  boolean inForeignCurrency() {
    return currency != null && !"SEK".equalsIgnoreCase(currency) && originalAmount != null;
  }
}
