package org.forumledger.web.audit;

import java.util.List;
import java.util.stream.IntStream;
import org.forumledger.web.LedgerClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * The auditor's checks: whether the hash chain is intact, whether the reporting and cost services
 * agree on a year's totals (and where they differ), and a replay of the whole topic into a fresh
 * read model compared with the live one, its progress drawn as it runs.
 */
@Controller
class ChecksController {

  private static final List<Integer> YEARS = IntStream.rangeClosed(2019, 2030).boxed().toList();

  private final AuditReads audit;
  private final LedgerClients clients;
  private final ObjectMapper json;
  private final int defaultYear;

  ChecksController(
      AuditReads audit,
      LedgerClients clients,
      ObjectMapper json,
      @Value("${ledger.web.default-year}") int defaultYear) {
    this.audit = audit;
    this.clients = clients;
    this.json = json;
    this.defaultYear = defaultYear;
  }

  @GetMapping("/audit/checks")
  Mono<Rendering> checks(
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String closeRefused) {
    int y =
        year != null && year.strip().matches("\\d{4}")
            ? Integer.parseInt(year.strip())
            : defaultYear;
    Mono<CheckFigures.Reconciliation> reconciliation =
        clients
            .reporting()
            .get()
            .uri(uri -> uri.path("/reports/reconciliation").queryParam("year", y).build())
            .retrieve()
            .bodyToMono(CheckFigures.Reconciliation.class);
    Mono<CheckFigures.YearAudit> closing =
        clients
            .reporting()
            .get()
            .uri("/audit/years/{year}", y)
            .retrieve()
            .bodyToMono(CheckFigures.YearAudit.class);
    return Mono.zip(audit.verify(), reconciliation, replay(), closing)
        .map(
            found ->
                Rendering.view("checks")
                    .modelAttribute("page", "checks")
                    .modelAttribute("year", y)
                    .modelAttribute("years", YEARS)
                    .modelAttribute("verification", found.getT1())
                    .modelAttribute("reconciliation", found.getT2())
                    .modelAttribute("replay", found.getT3())
                    .modelAttribute("yearAudit", found.getT4())
                    .modelAttribute("closeRefused", closeRefused != null)
                    .build());
  }

  /**
   * Closes the year as the auditor signed in; the registry signs the statement. A year closed
   * before is shown as it was closed, with the refusal's reason.
   */
  @PostMapping("/audit/years/{year}/close")
  Mono<Rendering> closeYear(@PathVariable int year) {
    return clients
        .reporting()
        .post()
        .uri("/audit/years/{year}/close", year)
        .exchangeToMono(
            answer ->
                answer
                    .releaseBody()
                    .thenReturn(
                        Rendering.redirectTo(
                                "/audit/checks?year="
                                    + year
                                    + (answer.statusCode().is2xxSuccessful()
                                        ? "&closed"
                                        : "&closeRefused=" + answer.statusCode().value()))
                            .build()));
  }

  @PostMapping("/audit/replay")
  Mono<Rendering> startReplay() {
    return clients
        .reporting()
        .post()
        .uri("/admin/replay")
        .retrieve()
        .toBodilessEntity()
        .thenReturn(Rendering.redirectTo("/audit/checks?replay=started").build());
  }

  /** The replay's progress relayed as the person signed in, each update as JSON. */
  @GetMapping(path = "/audit/replay/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  Flux<ServerSentEvent<String>> replayProgress() {
    return clients
        .reporting()
        .get()
        .uri("/admin/replay/progress")
        .accept(MediaType.TEXT_EVENT_STREAM)
        .retrieve()
        .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<CheckFigures.Replay>>() {})
        .filter(event -> event.data() != null)
        .map(
            event ->
                ServerSentEvent.builder(json.writeValueAsString(event.data()))
                    .event("progress")
                    .build());
  }

  private Mono<CheckFigures.Replay> replay() {
    return clients
        .reporting()
        .get()
        .uri("/admin/replay")
        .retrieve()
        .bodyToMono(CheckFigures.Replay.class);
  }
}
