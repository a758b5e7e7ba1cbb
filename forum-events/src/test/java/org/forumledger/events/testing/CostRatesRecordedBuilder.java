package org.forumledger.events.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.CostRatesRecorded;

/**
 * A {@link CostRatesRecorded}: 300 SEK an hour and 40 % overhead unless told, effective from 1
 * January of its year. Start it with {@link #rates(int)}; it belongs to no forum.
 */
public final class CostRatesRecordedBuilder
    extends EventBuilder<CostRatesRecorded, CostRatesRecordedBuilder> {

  private final int year;
  private BigDecimal salary = new BigDecimal("300");
  private BigDecimal overhead = new BigDecimal("40");
  private String source = "test rates";
  private final List<CostRatesRecorded.TravelPrice> travel = new ArrayList<>();
  private boolean correction;

  private CostRatesRecordedBuilder(int year) {
    super(CostRatesRecorded.streamIdOf(year));
    this.year = year;
  }

  public static CostRatesRecordedBuilder rates(int year) {
    return new CostRatesRecordedBuilder(year);
  }

  public CostRatesRecordedBuilder salary(String hourlySalarySek) {
    this.salary = new BigDecimal(hourlySalarySek);
    return this;
  }

  public CostRatesRecordedBuilder overhead(String percent) {
    this.overhead = new BigDecimal(percent);
    return this;
  }

  public CostRatesRecordedBuilder source(String source) {
    this.source = source;
    return this;
  }

  public CostRatesRecordedBuilder travel(String route, String priceSek) {
    travel.add(new CostRatesRecorded.TravelPrice(route, new BigDecimal(priceSek)));
    return this;
  }

  public CostRatesRecordedBuilder correction() {
    this.correction = true;
    return this;
  }

  @Override
  protected LocalDate naturalDate() {
    return LocalDate.of(year, 1, 1);
  }

  @Override
  public CostRatesRecorded payload() {
    return new CostRatesRecorded(year, salary, overhead, source, travel, correction);
  }
}
