package org.forumledger.reporting.api;

import java.time.LocalDate;
import org.forumledger.reporting.history.Changes;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.query.RegistryQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Changes between two dates, or between two mandate periods (compared at each period's last day,
 * e.g. {@code fromPeriod=2019-2022&toPeriod=2023-2026}), as known at {@code knownAt} (default now).
 */
@RestController
public class ChangesController {

  private final RegistryQueries queries;

  public ChangesController(RegistryQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/reports/changes")
  public Mono<Changes> changes(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String fromPeriod,
      @RequestParam(required = false) String toPeriod,
      @RequestParam(required = false) String knownAt) {
    LocalDate start =
        fromPeriod != null ? periodEnd("fromPeriod", fromPeriod) : Params.date("from", from);
    LocalDate end = toPeriod != null ? periodEnd("toPeriod", toPeriod) : Params.date("to", to);
    if (start == null || end == null) {
      throw new InvalidParameterException(
          start == null ? "from" : "to", "give from and to (dates) or fromPeriod and toPeriod");
    }
    if (!start.isBefore(end)) {
      throw new RuleViolationException("from (" + start + ") must be before to (" + end + ")");
    }
    var known = Params.instant("knownAt", knownAt);
    return Mono.fromCallable(
            () ->
                Changes.between(
                    start,
                    end,
                    queries.asMap(new TimeSlice(start, known)),
                    queries.asMap(new TimeSlice(end, known))))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** A mandate period written {@code 2023-2026}: four budget years from a start year. */
  static LocalDate periodEnd(String name, String value) {
    String[] years = value.trim().split("-");
    try {
      if (years.length == 0 || years.length > 2) {
        throw new NumberFormatException(value);
      }
      int first = Integer.parseInt(years[0]);
      if (!org.forumledger.events.LedgerCalendar.accepts(first)) {
        throw new NumberFormatException(value);
      }
      int last = years.length > 1 ? Integer.parseInt(years[1]) : first + 3;
      if (years.length > 2 || last != first + 3 || Math.floorMod(first - 2019, 4) != 0) {
        throw new InvalidParameterException(
            name, name + " must be a mandate period like 2023-2026");
      }
      return LocalDate.of(last, 12, 31);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, name + " must be a mandate period like 2023-2026");
    }
  }
}
