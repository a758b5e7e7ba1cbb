package org.forumledger.reporting.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.forumledger.events.EventJson;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.kit.consumer.ApplyOnce;
import org.forumledger.kit.consumer.HeldChain;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;
import org.forumledger.reporting.api.Params;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.history.Totals;
import org.forumledger.reporting.query.RegistryQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
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
  private final WebClient registry;
  private final ApplyOnce applyOnce;
  private final TransactionTemplate snapshot;

  public ReconciliationController(
      RegistryQueries queries,
      CostServiceProperties costService,
      RegistryServiceProperties registryService,
      ApplyOnce applyOnce,
      PlatformTransactionManager transactions,
      @Value("${ledger.security.viewer-password:}") String viewerPassword) {
    this.queries = queries;
    this.cost = asViewer(costService.url(), viewerPassword);
    this.registry = asViewer(registryService.url(), viewerPassword);
    this.applyOnce = applyOnce;
    this.snapshot = HeldChain.snapshot(transactions);
  }

  private static WebClient asViewer(String url, String viewerPassword) {
    return WebClient.builder()
        .baseUrl(url)
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
    return Mono.zip(mine, theirs, chain())
        .map(t -> Reconciliation.of(year, t.getT1(), t.getT2(), t.getT3()));
  }

  /** The registry's published head beside the links reporting and cost hold. */
  private Mono<ChainComparison> chain() {
    Mono<ChainComparison.Link> reporting =
        Mono.fromCallable(() -> link(HeldChain.read(applyOnce, snapshot)))
            .subscribeOn(Schedulers.boundedElastic());
    Mono<ChainComparison.Link> costHeld =
        cost.get()
            .uri("/chain/head")
            .retrieve()
            .bodyToMono(HeldChain.class)
            .map(ReconciliationController::link)
            .onErrorMap(
                e ->
                    new ProblemException(
                        ProblemType.UPSTREAM_FAILURE,
                        "The cost service did not answer, so nothing can be reconciled now."));
    return Mono.zip(reporting, costHeld)
        .flatMap(
            held ->
                registryHead()
                    .flatMap(
                        head ->
                            Mono.zip(
                                    publishedAt(head, held.getT1()),
                                    publishedAt(head, held.getT2()))
                                .map(
                                    published ->
                                        ChainComparison.of(
                                            head,
                                            held.getT1(),
                                            held.getT2(),
                                            published.getT1().orElse(null),
                                            published.getT2().orElse(null))))
                    .onErrorResume(
                        e -> !(e instanceof ProblemException),
                        e ->
                            Mono.just(
                                ChainComparison.unanswered(
                                    held.getT1(),
                                    held.getT2(),
                                    "the registry did not answer (" + e.getMessage() + ")"))));
  }

  private Mono<ChainComparison.Link> registryHead() {
    return registry
        .get()
        .uri("/chain/head")
        .retrieve()
        .bodyToMono(String.class)
        .map(ReconciliationController::tree)
        .map(
            head ->
                new ChainComparison.Link(
                    head.path("chainSequence").asLong(),
                    head.path("hash").asText(),
                    head.path("globalPosition").asLong()));
  }

  /** The hash the registry published at the link a consumer holds; empty when none. */
  private Mono<Optional<String>> publishedAt(ChainComparison.Link head, ChainComparison.Link held) {
    if (held.chainSequence() == 0) {
      return Mono.just(Optional.of(ChainLink.GENESIS_HASH));
    }
    if (held.chainSequence() == head.chainSequence()) {
      return Mono.just(Optional.of(head.hash()));
    }
    return registry
        .get()
        .uri("/chain/links/{sequence}", held.chainSequence())
        .retrieve()
        .bodyToMono(String.class)
        .map(link -> Optional.of(tree(link).path("hash").asText()))
        .onErrorResume(
            WebClientResponseException.NotFound.class, notFound -> Mono.just(Optional.empty()));
  }

  private static JsonNode tree(String json) {
    try {
      return EventJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ChainComparison.Link link(HeldChain held) {
    return new ChainComparison.Link(held.chainSequence(), held.hash(), held.position());
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
