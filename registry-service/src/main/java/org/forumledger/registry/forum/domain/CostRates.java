package org.forumledger.registry.forum.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.forumledger.registry.forum.domain.ForumRuleViolation.require;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.spring.stereotype.Aggregate;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.LedgerCalendar;

/**
 * The rates that price participation in one year, a setting of the ledger rather than of a forum:
 * its own stream ({@link CostRatesRecorded#streamIdOf}) in the same store, published in the same
 * chain. Recording the same rates again writes nothing; different rates for the year replace the
 * earlier as a correction.
 */
@Aggregate
public class CostRates {

  private static final int SCALE = 2;
  private static final BigDecimal MAX_OVERHEAD_PERCENT = new BigDecimal("300");

  @AggregateIdentifier private String ratesId;
  private CostRatesRecorded current;

  protected CostRates() {}

  /** Records a year's rates; the first record creates the year's stream. */
  public record RecordCostRatesCommand(
      @TargetAggregateIdentifier String ratesId,
      @TargetAggregateVersion Long expectedVersion,
      int year,
      BigDecimal hourlySalarySek,
      BigDecimal payrollOverheadPercent,
      String source,
      List<CostRatesRecorded.TravelPrice> travelPrices) {

    public static RecordCostRatesCommand of(
        Long expectedVersion,
        int year,
        BigDecimal hourlySalarySek,
        BigDecimal payrollOverheadPercent,
        String source,
        List<CostRatesRecorded.TravelPrice> travelPrices) {
      return new RecordCostRatesCommand(
          CostRatesRecorded.streamIdOf(year),
          expectedVersion,
          year,
          hourlySalarySek,
          payrollOverheadPercent,
          source,
          travelPrices);
    }
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RecordCostRatesCommand command) {
    // a stream made on demand is loaded without the repository's version check: it is made here
    Long version = AggregateLifecycle.getVersion();
    long actual = version == null ? -1 : version;
    if (command.expectedVersion() != null && command.expectedVersion() != actual) {
      throw new ConflictingAggregateVersionException(
          command.ratesId(), command.expectedVersion(), actual);
    }
    require(LedgerCalendar.accepts(command.year()), "year", LedgerCalendar.yearRule("year"));
    require(
        CostRatesRecorded.streamIdOf(command.year()).equals(command.ratesId()),
        "year",
        "the rates of " + command.year() + " are their own stream");
    BigDecimal salary = command.hourlySalarySek();
    require(salary != null, "hourlySalarySek", "hourlySalarySek is required");
    require(salary.signum() > 0, "hourlySalarySek", "hourlySalarySek must be above 0");
    require(
        salary.scale() <= SCALE, "hourlySalarySek", "hourlySalarySek has more than two decimals");
    BigDecimal overhead = command.payrollOverheadPercent();
    require(overhead != null, "payrollOverheadPercent", "payrollOverheadPercent is required");
    require(
        overhead.signum() >= 0 && overhead.compareTo(MAX_OVERHEAD_PERCENT) <= 0,
        "payrollOverheadPercent",
        "payrollOverheadPercent is a percentage from 0 to 300 (46.36 for 46.36 %)");
    require(
        overhead.scale() <= SCALE,
        "payrollOverheadPercent",
        "payrollOverheadPercent has more than two decimals");
    require(
        command.source() != null && !command.source().isBlank(),
        "source",
        "source is required: where the rates come from");
    List<CostRatesRecorded.TravelPrice> travel =
        command.travelPrices() == null ? List.of() : command.travelPrices();
    for (int i = 0; i < travel.size(); i++) {
      CostRatesRecorded.TravelPrice price = travel.get(i);
      String field = "travelPrices[" + i + "]";
      require(
          price != null && price.route() != null && !price.route().isBlank(),
          field + ".route",
          "route is required");
      require(
          price.priceSek() != null && price.priceSek().signum() >= 0,
          field + ".priceSek",
          "priceSek is required and cannot be negative");
      require(
          price.priceSek().scale() <= SCALE,
          field + ".priceSek",
          "priceSek has more than two decimals");
    }
    CostRatesRecorded recorded =
        new CostRatesRecorded(
            command.year(),
            salary,
            overhead,
            command.source().strip(),
            travel.stream()
                .map(p -> new CostRatesRecorded.TravelPrice(p.route().strip(), p.priceSek()))
                .toList(),
            current != null);
    if (current != null && same(current, recorded)) {
      return;
    }
    apply(recorded);
  }

  private static boolean same(CostRatesRecorded a, CostRatesRecorded b) {
    if (a.hourlySalarySek().compareTo(b.hourlySalarySek()) != 0
        || a.payrollOverheadPercent().compareTo(b.payrollOverheadPercent()) != 0
        || !a.source().equals(b.source())
        || a.travelPrices().size() != b.travelPrices().size()) {
      return false;
    }
    for (int i = 0; i < a.travelPrices().size(); i++) {
      CostRatesRecorded.TravelPrice x = a.travelPrices().get(i);
      CostRatesRecorded.TravelPrice y = b.travelPrices().get(i);
      if (!x.route().equals(y.route()) || x.priceSek().compareTo(y.priceSek()) != 0) {
        return false;
      }
    }
    return true;
  }

  @EventSourcingHandler
  void on(CostRatesRecorded event) {
    ratesId = event.streamId();
    current = event;
  }
}
