package org.forumledger.cost.units;

import java.util.concurrent.Callable;
import org.forumledger.cost.api.ApiProblems;
import org.forumledger.cost.api.YearParam;
import org.forumledger.cost.units.UnitViews.UnitYearView;
import org.forumledger.cost.units.UnitViews.YearUnitsView;
import org.forumledger.events.Body;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What each unit's participation costs in a year (issue 14): the forums it takes part in, what is
 * its own and what it shares with other units, not apportioned. A malformed year or unit code is a
 * 400 before any query runs; an unknown unit a 404.
 */
@RestController
@RequestMapping("/costs/years/{year}/units")
class UnitCostController {

  private final UnitCostQueries queries;

  UnitCostController(UnitCostQueries queries) {
    this.queries = queries;
  }

  @GetMapping
  Mono<YearUnitsView> units(@PathVariable int year) {
    YearParam asked = YearParam.of("year", year);
    return blocking(() -> queries.year(asked));
  }

  @GetMapping("/{code}")
  Mono<UnitYearView> unit(@PathVariable int year, @PathVariable String code) {
    YearParam asked = YearParam.of("year", year);
    Body unit = unitCode(code);
    return blocking(() -> queries.unit(asked, unit));
  }

  static Body unitCode(String code) {
    if (code == null || !Body.CODE.matcher(code).matches()) {
      throw new ApiProblems.InvalidParameter(
          "code",
          "'"
              + code
              + "' is not a unit code: 2 to 16 upper-case letters, digits or hyphens, starting"
              + " with a letter");
    }
    return Body.of(code);
  }

  private static <T> Mono<T> blocking(Callable<T> call) {
    return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
  }
}
