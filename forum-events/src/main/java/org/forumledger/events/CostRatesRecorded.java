package org.forumledger.events;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The rates that price participation in one year, a recorded setting rather than a constant: the
 * average hourly salary (SEK) and the payroll overhead (personalomkostnadspålägg, percent), valid
 * for the calendar year {@code year}, with where they come from, and any standard travel prices.
 * Not about a forum: its stream is {@link #streamIdOf(int) cost-rates-YEAR}. A later record for the
 * same year replaces the earlier (then {@code correction} is true) and moves only that year.
 *
 * @param year the calendar year the rates are valid for
 * @param hourlySalarySek average hourly salary, e.g. of all permanent SLK employees
 * @param payrollOverheadPercent e.g. {@code 47.50} for 47.5 %
 * @param source where the figures come from (a report, a payroll extract, a decision)
 * @param travelPrices standard prices, e.g. a return ticket to Stockholm; empty when none
 */
@Revision("1")
public record CostRatesRecorded(
    int year,
    BigDecimal hourlySalarySek,
    BigDecimal payrollOverheadPercent,
    String source,
    List<TravelPrice> travelPrices,
    boolean correction)
    implements LedgerEvent {

  public static final String STREAM_PREFIX = "cost-rates-";

  public CostRatesRecorded {
    travelPrices = travelPrices == null ? List.of() : List.copyOf(travelPrices);
  }

  /** The stream (aggregate id, record key, metadata {@code forumId}) of a year's rates. */
  public static String streamIdOf(int year) {
    return STREAM_PREFIX + year;
  }

  @Override
  public String streamId() {
    return streamIdOf(year);
  }

  /** The hourly cost with overhead: salary × (1 + overhead / 100), exact. */
  public BigDecimal hourlyCostSek() {
    return hourlySalarySek.add(hourlySalarySek.multiply(payrollOverheadPercent).movePointLeft(2));
  }

  /** A standard price of a journey, e.g. {@code "Göteborg–Stockholm t/r"} at 1 500 SEK. */
  public record TravelPrice(String route, BigDecimal priceSek) {}
}
