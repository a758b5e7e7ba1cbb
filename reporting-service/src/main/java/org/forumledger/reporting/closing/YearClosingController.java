package org.forumledger.reporting.closing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.forumledger.kit.consumer.ApplyOnce;
import org.forumledger.kit.consumer.HeldChain;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;
import org.forumledger.reporting.api.AuditController;
import org.forumledger.reporting.api.Params;
import org.forumledger.reporting.audit.AuditLog;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.history.Totals;
import org.forumledger.reporting.query.RegistryQueries;
import org.forumledger.reporting.reconciliation.RegistryServiceProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Closing a year (bokslut), for auditors: reporting states the year's totals at the link of the
 * chain it holds, and the registry signs that statement as the auditor's. Afterwards the closed
 * year is shown as closed, beside every later fact that may change it.
 */
@RestController
public class YearClosingController {

  private static final int ATTEMPTS = 20;
  private static final Duration BETWEEN_ATTEMPTS = Duration.ofMillis(250);

  private final RegistryQueries queries;
  private final AuditLog audit;
  private final ApplyOnce applyOnce;
  private final TransactionTemplate snapshot;
  private final WebClient registry;

  public YearClosingController(
      RegistryQueries queries,
      AuditLog audit,
      ApplyOnce applyOnce,
      PlatformTransactionManager transactions,
      RegistryServiceProperties registryService) {
    this.queries = queries;
    this.audit = audit;
    this.applyOnce = applyOnce;
    this.snapshot = HeldChain.snapshot(transactions);
    this.registry = WebClient.builder().baseUrl(registryService.url()).build();
  }

  /** The totals and link read together: the consumer must not move between the two reads. */
  private record Stated(Totals totals, HeldChain chain) {}

  /**
   * Closes {@code year} as the calling auditor, whose credentials go on to the registry so the
   * registry records them as the one who closed it. The registry's answer is passed on as it is:
   * 201 with the signed closing, 409 when the year is closed already.
   */
  @PostMapping("/audit/years/{year}/close")
  public Mono<ResponseEntity<String>> close(
      @PathVariable String year, @RequestHeader(HttpHeaders.AUTHORIZATION) String credentials) {
    int y = Params.year(year);
    return Mono.fromCallable(() -> stated(y))
        .subscribeOn(Schedulers.boundedElastic())
        .retryWhen(
            Retry.fixedDelay(ATTEMPTS, BETWEEN_ATTEMPTS)
                .filter(MovedMeanwhile.class::isInstance)
                .onRetryExhaustedThrow(
                    (spec, signal) ->
                        new ProblemException(
                            ProblemType.POSITION_NOT_CURRENT,
                            "Events kept arriving; close the year when the ledger is quiet")))
        .flatMap(stated -> closeAtRegistry(y, stated, credentials));
  }

  /** The year's closing, read from the registry with the calling auditor's credentials. */
  @GetMapping("/audit/years/{year}")
  public Mono<YearAudit> review(
      @PathVariable String year, @RequestHeader(HttpHeaders.AUTHORIZATION) String credentials) {
    int y = Params.year(year);
    return registry
        .get()
        .uri("/years/{year}/closing", y)
        .header(HttpHeaders.AUTHORIZATION, credentials)
        .retrieve()
        .bodyToMono(ClosedYear.class)
        .onErrorResume(WebClientResponseException.NotFound.class, notClosed -> Mono.empty())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            closing ->
                Mono.fromCallable(() -> review(y, closing.orElse(null)))
                    .subscribeOn(Schedulers.boundedElastic()));
  }

  private YearAudit review(int year, ClosedYear closing) {
    Totals now = queries.totals(year, TimeSlice.CURRENT);
    ClosedYear.Figures figures = figures(now);
    if (closing == null) {
      return new YearAudit(year, null, figures, now.position(), List.of(), List.of());
    }
    List<String> differences = new ArrayList<>();
    ClosedYear.Figures closed = closing.totals();
    differ(differences, "forumCount", closed.forumCount(), figures.forumCount());
    differ(differences, "annualFeeTotal", closed.annualFeeTotal(), figures.annualFeeTotal());
    differ(differences, "otherCostTotal", closed.otherCostTotal(), figures.otherCostTotal());
    differ(
        differences,
        "notCalculatedCount",
        closed.notCalculatedCount(),
        figures.notCalculatedCount());
    List<AuditController.Entry> after =
        audit.changedAfter(closing.chainSequence(), LocalDate.of(year, 12, 31)).stream()
            .map(AuditController::entry)
            .toList();
    return new YearAudit(year, closing, figures, now.position(), differences, after);
  }

  private Stated stated(int year) {
    HeldChain before = HeldChain.read(applyOnce, snapshot);
    Totals totals = queries.totals(year, TimeSlice.CURRENT);
    HeldChain after = HeldChain.read(applyOnce, snapshot);
    if (!before.equals(after) || totals.position() != after.position()) {
      throw new MovedMeanwhile();
    }
    return new Stated(totals, after);
  }

  private Mono<ResponseEntity<String>> closeAtRegistry(
      int year, Stated stated, String credentials) {
    Map<String, Object> body =
        Map.of("chainSequence", stated.chain().chainSequence(), "totals", figures(stated.totals()));
    return registry
        .post()
        .uri("/years/{year}/closing", year)
        .header(HttpHeaders.AUTHORIZATION, credentials)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchangeToMono(
            answer ->
                answer
                    .bodyToMono(String.class)
                    .defaultIfEmpty("")
                    .map(
                        text ->
                            ResponseEntity.status(answer.statusCode())
                                .contentType(
                                    answer
                                        .headers()
                                        .contentType()
                                        .orElse(MediaType.APPLICATION_JSON))
                                .body(text)))
        .onErrorMap(
            e -> !(e instanceof ProblemException),
            e ->
                new ProblemException(
                    ProblemType.UPSTREAM_FAILURE,
                    "The registry did not answer, so the year was not closed."));
  }

  private static ClosedYear.Figures figures(Totals totals) {
    return new ClosedYear.Figures(
        totals.forumCount(),
        totals.annualFeeTotal(),
        totals.otherCostTotal(),
        totals.notCalculatedCount());
  }

  private static void differ(List<String> differences, String field, Object closed, Object now) {
    boolean same =
        closed instanceof java.math.BigDecimal a && now instanceof java.math.BigDecimal b
            ? a.compareTo(b) == 0
            : Objects.equals(closed, now);
    if (!same) {
      differences.add(field + ": closed at " + closed + ", now " + now);
    }
  }

  private static final class MovedMeanwhile extends RuntimeException {
    MovedMeanwhile() {
      super("the consumer moved between reads", null, false, false);
    }
  }
}
