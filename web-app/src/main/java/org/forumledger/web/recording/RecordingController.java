package org.forumledger.web.recording;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.forumledger.web.LedgerClients;
import org.forumledger.web.forums.ForumPage;
import org.forumledger.web.page.FormState;
import org.forumledger.web.page.TimeSlice;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The registrar's forms. Each write goes to the registry as the person signed in, with If-Match
 * naming the version the form was drawn at and the Idempotency-Key made when it was drawn. A
 * conflict draws the page again saying someone else changed the forum first, with nothing written;
 * the registry's field problems are drawn next to the fields they name.
 */
@Controller
class RecordingController {

  private final LedgerClients clients;
  private final ForumPage forumPage;
  private final RegistryWrites writes;

  RecordingController(LedgerClients clients, ForumPage forumPage, RegistryWrites writes) {
    this.clients = clients;
    this.forumPage = forumPage;
    this.writes = writes;
  }

  /**
   * Every form on a forum's page posts here: the form named by the address's last segment says
   * which fields it has and which write the registry is asked; the rest is the same for all.
   */
  @PostMapping("/forums/{forumId}/{action}")
  Mono<Rendering> record(
      @PathVariable String forumId, @PathVariable String action, ServerWebExchange exchange) {
    RecordingForm form =
        RecordingForms.byAction(action)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return exchange
        .getFormData()
        .flatMap(
            data -> {
              Submission submission = Submission.of(form.name(), data);
              RecordingForm.Field unsendable = form.unsendable(submission);
              if (unsendable != null) {
                return onForumPage(forumId, writes.refusedAt(submission, unsendable, exchange));
              }
              RecordingForm.Write write = form.write().apply(submission);
              return send(
                  forumId,
                  submission,
                  Set.copyOf(form.fieldNames()),
                  clients
                      .registry()
                      .method(write.method())
                      .uri("/forums/{id}" + write.path(), forumId),
                  write.body(),
                  exchange);
            });
  }

  @GetMapping("/forums/new")
  Rendering registerForm() {
    return registerPage(FormState.fresh("register", null, Map.of("kind", "NETWORK")), null);
  }

  @PostMapping("/forums")
  Mono<Rendering> register(ServerWebExchange exchange) {
    RecordingForm form = RecordingForms.REGISTER;
    return exchange
        .getFormData()
        .flatMap(
            data -> {
              Submission forum = Submission.of(form.name(), data);
              RecordingForm.Write write = form.write().apply(forum);
              return RegistryWrites.write(
                      clients.registry().method(write.method()).uri("/forums" + write.path()),
                      forum,
                      write.body())
                  .map(
                      answer -> {
                        if (answer.succeeded()) {
                          String path =
                              answer.location() == null ? "/forums" : answer.location().getPath();
                          return Rendering.redirectTo(path + "?recorded=register").build();
                        }
                        return registerPage(
                            writes.refusal(answer, forum, Set.copyOf(form.fieldNames()), exchange),
                            HttpStatus.UNPROCESSABLE_ENTITY);
                      });
            });
  }

  /** A year's cost rates as the registry has them, and the form that records them. */
  @GetMapping("/cost-rates")
  Mono<Rendering> ratesForm(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String recorded) {
    int shown = year == null ? java.time.Year.now().getValue() : year;
    return ratesPage(
        FormState.fresh("rates", null, Map.of("year", String.valueOf(shown))),
        null,
        "rates".equals(recorded));
  }

  @PostMapping("/cost-rates")
  Mono<Rendering> recordRates(ServerWebExchange exchange) {
    RecordingForm form = RecordingForms.RATES;
    return exchange
        .getFormData()
        .flatMap(
            data -> {
              Submission rates = Submission.of(form.name(), data);
              RecordingForm.Field unsendable = form.unsendable(rates);
              if (unsendable != null) {
                return ratesPage(
                    writes.refusedAt(rates, unsendable, exchange), HttpStatus.BAD_REQUEST, false);
              }
              RecordingForm.Write write = form.write().apply(rates);
              return RegistryWrites.write(
                      clients.registry().method(write.method()).uri("/cost-rates" + write.path()),
                      rates,
                      write.body())
                  .flatMap(
                      answer ->
                          answer.succeeded()
                              ? Mono.just(
                                  Rendering.redirectTo(
                                          "/cost-rates?year="
                                              + rates.value("year")
                                              + "&recorded=rates")
                                      .build())
                              : ratesPage(
                                  writes.refusal(
                                      answer, rates, Set.copyOf(form.fieldNames()), exchange),
                                  HttpStatus.UNPROCESSABLE_ENTITY,
                                  false));
            });
  }

  /** The rates recorded for every year, from the registry; none is an empty list. */
  private Mono<Rendering> ratesPage(FormState form, HttpStatus status, boolean recorded) {
    return clients
        .registry()
        .get()
        .uri("/cost-rates")
        .retrieve()
        .bodyToFlux(CostRates.class)
        .collectList()
        .map(
            known -> {
              Rendering.Builder<?> page =
                  Rendering.view("cost-rates")
                      .modelAttribute("page", "rates")
                      .modelAttribute("rates", known)
                      .modelAttribute("form", RecordingForms.RATES)
                      .modelAttribute("ratesForm", form)
                      .modelAttribute("recorded", recorded)
                      .modelAttribute("choices", Map.of());
              if (status != null) {
                page.status(status);
              }
              return page.build();
            });
  }

  /** A year's rates as the registry shows them. */
  record CostRates(
      int year,
      long version,
      java.math.BigDecimal hourlySalarySek,
      java.math.BigDecimal payrollOverheadPercent,
      java.math.BigDecimal hourlyCostSek,
      String source,
      List<TravelPrice> travelPrices) {
    record TravelPrice(String route, java.math.BigDecimal priceSek) {}
  }

  private static Rendering registerPage(FormState form, HttpStatus status) {
    Rendering.Builder<?> page =
        Rendering.view("forum-new")
            .modelAttribute("page", "register")
            .modelAttribute("form", RecordingForms.REGISTER)
            .modelAttribute("registerForm", form);
    if (status != null) {
      page.status(status);
    }
    return page.build();
  }

  private Mono<Rendering> send(
      String forumId,
      Submission submission,
      Set<String> fields,
      WebClient.RequestBodySpec request,
      Map<String, Object> body,
      ServerWebExchange exchange) {
    return RegistryWrites.write(request, submission, body)
        .flatMap(
            answer ->
                answer.succeeded()
                    ? Mono.just(
                        Rendering.redirectTo(
                                "/forums/" + forumId + "?recorded=" + submission.form())
                            .build())
                    : onForumPage(forumId, writes.refusal(answer, submission, fields, exchange)));
  }

  private Mono<Rendering> onForumPage(String forumId, FormState refused) {
    return forumPage.render(forumId, new TimeSlice(null, null), refused, null);
  }
}
