package org.forumledger.web.unitcosts;

import java.time.Clock;
import java.time.LocalDate;
import org.forumledger.web.LedgerClients;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * What a unit's participation costs in a year, from the cost service: the forums it takes part in,
 * what is its own, and what it shares with other units, not apportioned; each part with its rule
 * and explanation.
 */
@Controller
class UnitCostsController {

  private final LedgerClients clients;
  private final Clock clock = Clock.systemUTC();

  UnitCostsController(LedgerClients clients) {
    this.clients = clients;
  }

  /** Without a year, this year's. */
  @GetMapping("/units/{code}/costs")
  Mono<Rendering> unitCosts(
      @PathVariable String code, @RequestParam(required = false) Integer year) {
    int shown = year == null ? LocalDate.now(clock).getYear() : year;
    return clients
        .cost()
        .get()
        .uri("/costs/years/{year}/units/{code}", shown, code)
        .retrieve()
        .onStatus(
            HttpStatusCode::is4xxClientError,
            response ->
                Mono.just(
                    new ResponseStatusException(
                        response.statusCode().value() == 404
                            ? HttpStatus.NOT_FOUND
                            : HttpStatus.BAD_REQUEST)))
        .bodyToMono(UnitCosts.class)
        .map(
            costs ->
                Rendering.view("unit-costs")
                    .modelAttribute("page", "units")
                    .modelAttribute("costs", costs)
                    .modelAttribute("year", shown)
                    .build());
  }
}
