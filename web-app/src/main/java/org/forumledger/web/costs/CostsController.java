package org.forumledger.web.costs;

import java.util.List;
import java.util.Set;
import org.forumledger.web.LedgerClients;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Costs over the years from the cost service: each year actual or projected, each mandate period's
 * sum, and behind every figure its explanation (the rule, what each forum adds, the events and
 * decisions it rests on, the settings a projection used).
 */
@Controller
class CostsController {

  /** The first budget year of the first mandate period the register covers. */
  static final int FIRST_YEAR = 2019;

  private static final Set<String> BASES = Set.of("actual", "projected");
  private static final Set<String> COMPONENTS = Set.of("annualFee", "otherCost");

  private final LedgerClients clients;

  CostsController(LedgerClients clients) {
    this.clients = clients;
  }

  @GetMapping("/costs")
  Mono<Rendering> overTheYears() {
    return clients
        .cost()
        .get()
        .uri(uri -> uri.path("/costs/projections").queryParam("from", FIRST_YEAR).build())
        .retrieve()
        .bodyToMono(CostFigures.Projections.class)
        .flatMap(
            projections ->
                Flux.fromIterable(periodStarts(projections))
                    .concatMap(this::period)
                    .collectList()
                    .map(
                        periods ->
                            Rendering.view("costs")
                                .modelAttribute("page", "costs")
                                .modelAttribute("years", projections.years())
                                .modelAttribute("periods", periods)
                                .build()));
  }

  @GetMapping("/costs/explain")
  Mono<Rendering> explain(
      @RequestParam int year,
      @RequestParam(defaultValue = "actual") String basis,
      @RequestParam(required = false) String component) {
    if (!BASES.contains(basis) || (component != null && !COMPONENTS.contains(component))) {
      return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST));
    }
    return clients
        .cost()
        .get()
        .uri(uri -> uri.path("/costs/years/{year}/explain").queryParam("basis", basis).build(year))
        .retrieve()
        .bodyToMono(CostFigures.Explanation.class)
        .map(
            explanation ->
                Rendering.view("cost-explain")
                    .modelAttribute("page", "costs")
                    .modelAttribute("explanation", explanation)
                    .modelAttribute("component", component)
                    .modelAttribute(
                        "contributions",
                        explanation.contributions().stream()
                            .filter(c -> component == null || component.equals(c.component()))
                            .filter(c -> !"forum".equals(c.component()))
                            .toList())
                    .build());
  }

  /** The mandate periods (2019–2022, 2023–2026, …) whose four years all lie in the answer. */
  private static List<Integer> periodStarts(CostFigures.Projections projections) {
    return projections.years().stream()
        .map(CostFigures.Year::year)
        .filter(y -> Math.floorMod(y - FIRST_YEAR, 4) == 0 && y + 3 <= projections.to())
        .toList();
  }

  private Mono<CostFigures.Period> period(int from) {
    return clients
        .cost()
        .get()
        .uri("/costs/mandate-periods/{from}-{to}", from, from + 3)
        .retrieve()
        .bodyToMono(CostFigures.Period.class);
  }
}
