package org.forumledger.reporting.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.EventJson;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;
import org.forumledger.reporting.api.Params;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.history.Totals;
import org.forumledger.reporting.query.RegistryQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Reconciliation across services: reporting's actual totals for a year beside the cost service's,
 * each with its position. While one consumer is behind the other, it asks again for a few seconds,
 * so a quiet system is compared at one position.
 */
@RestController
public class ReconciliationController {

  private static final int ATTEMPTS = 20;
  private static final Duration BETWEEN_ATTEMPTS = Duration.ofMillis(250);

  private final RegistryQueries queries;
  private final WebClient cost;

  public ReconciliationController(
      RegistryQueries queries,
      CostServiceProperties costService,
      @Value("${ledger.security.viewer-password:}") String viewerPassword) {
    this.queries = queries;
    this.cost =
        WebClient.builder()
            .baseUrl(costService.url())
            .defaultHeaders(headers -> headers.setBasicAuth("viewer", viewerPassword))
            .build();
  }

  @GetMapping("/reports/reconciliation")
  public Mono<Reconciliation> reconcile(@RequestParam(required = false) String year) {
    int y = Params.year(year);
    return Mono.defer(() -> compare(y))
        .flatMap(r -> r.samePosition() ? Mono.just(r) : Mono.error(new PositionsDiffer(r)))
        .retryWhen(
            Retry.fixedDelay(ATTEMPTS, BETWEEN_ATTEMPTS).filter(PositionsDiffer.class::isInstance))
        .onErrorResume(
            error -> error.getCause() instanceof PositionsDiffer differ,
            error -> Mono.just(((PositionsDiffer) error.getCause()).reconciliation));
  }

  private Mono<Reconciliation> compare(int year) {
    Mono<Reconciliation.Side> mine =
        Mono.fromCallable(() -> side(queries.totals(year, TimeSlice.CURRENT)))
            .subscribeOn(Schedulers.boundedElastic());
    Mono<Reconciliation.Side> theirs =
        cost.get()
            .uri("/costs/years/{year}", year)
            .retrieve()
            .bodyToMono(String.class)
            .map(ReconciliationController::side)
            .onErrorMap(
                e ->
                    e
                            instanceof
                            org.springframework.web.reactive.function.client
                                    .WebClientResponseException
                                refused
                        && refused.getStatusCode().is4xxClientError(),
                e ->
                    new org.forumledger.reporting.api.InvalidParameterException(
                        "year", "The cost service does not accept this year: " + e.getMessage()))
            .onErrorMap(
                e ->
                    !(e instanceof UncheckedIOException)
                        && !(e instanceof org.forumledger.reporting.api.InvalidParameterException),
                e ->
                    new ProblemException(
                        ProblemType.UPSTREAM_FAILURE,
                        "The cost service did not answer, so nothing can be reconciled now."));
    return Mono.zip(mine, theirs, (r, c) -> Reconciliation.of(year, r, c));
  }

  private static Reconciliation.Side side(Totals totals) {
    return new Reconciliation.Side(
        totals.position(),
        totals.forumCount(),
        totals.annualFeeTotal(),
        totals.otherCostTotal(),
        totals.notCalculatedCount(),
        totals.byArea().stream()
            .map(
                a ->
                    new Reconciliation.Area(
                        a.area(),
                        a.forumCount(),
                        a.annualFeeTotal(),
                        a.otherCostTotal(),
                        a.notCalculatedCount()))
            .toList());
  }

  private static Reconciliation.Side side(String json) {
    try {
      JsonNode node = EventJson.mapper().readTree(json);
      List<Reconciliation.Area> areas = new ArrayList<>();
      for (JsonNode area : node.path("byArea")) {
        areas.add(
            new Reconciliation.Area(
                area.path("area").asText(),
                area.path("forumCount").asInt(),
                decimal(area.path("annualFeeTotal")),
                decimal(area.path("otherCostTotal")),
                area.path("notCalculatedCount").asInt()));
      }
      return new Reconciliation.Side(
          node.path("position").asLong(),
          node.path("forumCount").asInt(),
          decimal(node.path("annualFeeTotal")),
          decimal(node.path("otherCostTotal")),
          node.path("notCalculatedCount").asInt(),
          areas);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BigDecimal decimal(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? BigDecimal.ZERO : node.decimalValue();
  }

  private static final class PositionsDiffer extends RuntimeException {
    private final transient Reconciliation reconciliation;

    PositionsDiffer(Reconciliation reconciliation) {
      super("positions differ", null, false, false);
      this.reconciliation = reconciliation;
    }
  }
}
