package org.forumledger.events.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.CostStatus;
import org.forumledger.events.ExchangeRateSource;
import org.forumledger.events.FeeBasis;

/**
 * An {@link AnnualFeeSet} shaped as the registry shapes it: a fixed fee of 1000 SEK from its year
 * on, effective from 1 January of that year. A status other than {@code AMOUNT} carries no amount,
 * currency or basis.
 */
public final class AnnualFeeSetBuilder extends EventBuilder<AnnualFeeSet, AnnualFeeSetBuilder> {

  private final int fromYear;
  private Integer toYear;
  private CostStatus status = CostStatus.AMOUNT;
  private BigDecimal amountSek = new BigDecimal("1000");
  private String currency = "SEK";
  private BigDecimal originalAmount;
  private BigDecimal exchangeRate;
  private ExchangeRateSource exchangeRateSource;
  private FeeBasis basis = FeeBasis.FIXED;
  private BigDecimal perInhabitantRateSek;
  private Long population;
  private BigDecimal projectTotalSek;
  private String reportedUnder;
  private boolean correction;

  AnnualFeeSetBuilder(String forumId, int fromYear) {
    super(forumId);
    this.fromYear = fromYear;
  }

  /** The last year the fee applies to, or null for open-ended. */
  public AnnualFeeSetBuilder until(Integer toYear) {
    this.toYear = toYear;
    return this;
  }

  public AnnualFeeSetBuilder amount(String sek) {
    this.amountSek = new BigDecimal(sek);
    return this;
  }

  /** A fee in another currency; its SEK amount is original × rate, to the öre, as the registry. */
  public AnnualFeeSetBuilder inCurrency(String currency, String original, String rate) {
    this.currency = currency;
    this.originalAmount = new BigDecimal(original);
    this.exchangeRate = new BigDecimal(rate);
    this.exchangeRateSource = ExchangeRateSource.STATED;
    this.amountSek = originalAmount.multiply(exchangeRate).setScale(2, RoundingMode.HALF_UP);
    return this;
  }

  /**
   * A fee in another currency given with its SEK amount, as a report prints both (ECCAR: 1 500 EUR,
   * 16 000 SEK); the rate is implied, as the registry derives it.
   */
  public AnnualFeeSetBuilder inCurrencyWithSek(String currency, String original, String sek) {
    this.currency = currency;
    this.originalAmount = new BigDecimal(original);
    this.amountSek = new BigDecimal(sek);
    this.exchangeRate = AnnualFeeSet.impliedRate(amountSek, originalAmount);
    this.exchangeRateSource = ExchangeRateSource.IMPLIED;
    return this;
  }

  public AnnualFeeSetBuilder perInhabitant(String rateSek, Long population) {
    this.basis = FeeBasis.PER_INHABITANT;
    this.perInhabitantRateSek = new BigDecimal(rateSek);
    this.population = population;
    return this;
  }

  public AnnualFeeSetBuilder projectShare(String projectTotalSek) {
    this.basis = FeeBasis.PROJECT_SHARE;
    this.projectTotalSek = new BigDecimal(projectTotalSek);
    return this;
  }

  /** {@code NONE} or {@code NOT_CALCULATED}: no amount. */
  public AnnualFeeSetBuilder status(CostStatus status) {
    this.status = status;
    if (status != CostStatus.AMOUNT) {
      amountSek = null;
      currency = null;
      originalAmount = null;
      exchangeRate = null;
      exchangeRateSource = null;
      basis = null;
      perInhabitantRateSek = null;
      population = null;
      projectTotalSek = null;
    }
    return this;
  }

  /** Reported under another forum's inventory reference, e.g. {@code 2.14.6}. */
  public AnnualFeeSetBuilder reportedUnder(String reference) {
    status(CostStatus.REPORTED_UNDER);
    this.reportedUnder = reference;
    return this;
  }

  /** Marks the event as correcting an earlier fee from the same year. */
  public AnnualFeeSetBuilder correction() {
    this.correction = true;
    return this;
  }

  @Override
  protected LocalDate naturalDate() {
    return LocalDate.of(fromYear, 1, 1);
  }

  @Override
  public AnnualFeeSet payload() {
    return new AnnualFeeSet(
        forumId,
        fromYear,
        toYear,
        status,
        amountSek,
        currency,
        originalAmount,
        exchangeRate,
        exchangeRateSource,
        basis,
        perInhabitantRateSek,
        population,
        projectTotalSek,
        reportedUnder,
        correction);
  }
}
