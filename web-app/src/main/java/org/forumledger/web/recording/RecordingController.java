package org.forumledger.web.recording;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.forumledger.web.LedgerClients;
import org.forumledger.web.forums.ForumPage;
import org.forumledger.web.page.FormState;
import org.forumledger.web.page.TimeSlice;
import org.springframework.context.MessageSource;
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
  private final MessageSource messages;

  RecordingController(LedgerClients clients, ForumPage forumPage, MessageSource messages) {
    this.clients = clients;
    this.forumPage = forumPage;
    this.messages = messages;
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
                return onForumPage(forumId, refusedAt(submission, unsendable, exchange));
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
              return write(
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
                            refusal(answer, forum, Set.copyOf(form.fieldNames()), exchange),
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
                    refusedAt(rates, unsendable, exchange), HttpStatus.BAD_REQUEST, false);
              }
              RecordingForm.Write write = form.write().apply(rates);
              return write(
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
                                  refusal(answer, rates, Set.copyOf(form.fieldNames()), exchange),
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
    return write(request, submission, body)
        .flatMap(
            answer ->
                answer.succeeded()
                    ? Mono.just(
                        Rendering.redirectTo(
                                "/forums/" + forumId + "?recorded=" + submission.form())
                            .build())
                    : onForumPage(forumId, refusal(answer, submission, fields, exchange)));
  }

  /** What the registry answered a write, read while its response is still open. */
  private record Answer(int status, URI location, Problem problem) {
    boolean succeeded() {
      return status >= 200 && status < 300;
    }

    boolean conflict() {
      return status == 412 || status == 409;
    }
  }

  /**
   * Sends a write. Success, a conflict (412, 409) and a validation problem (400, 422) are answers
   * the form handles; anything else (403 among them) fails as the service's error page.
   */
  private static Mono<Answer> write(
      WebClient.RequestBodySpec request, Submission submission, Map<String, Object> body) {
    return request
        .headers(
            headers -> {
              if (submission.version() != null) {
                headers.setIfMatch("\"" + submission.version() + "\"");
              }
              if (submission.idempotencyKey() != null) {
                headers.set("Idempotency-Key", submission.idempotencyKey());
              }
            })
        .bodyValue(body)
        .exchangeToMono(
            response -> {
              int status = response.statusCode().value();
              URI location = response.headers().asHttpHeaders().getLocation();
              if (status == 400 || status == 422) {
                return response
                    .bodyToMono(Problem.class)
                    .defaultIfEmpty(new Problem(null, null, status, null, List.of()))
                    .map(problem -> new Answer(status, location, problem));
              }
              if (response.statusCode().is2xxSuccessful() || status == 412 || status == 409) {
                return response.releaseBody().thenReturn(new Answer(status, location, null));
              }
              return response.createError();
            });
  }

  /**
   * The form drawn again after the registry refused it: a conflict names no field and keeps the old
   * version, so sending it again cannot overwrite; a validation problem puts each message next to
   * its field.
   */
  private FormState refusal(
      Answer answer, Submission submission, Set<String> fields, ServerWebExchange exchange) {
    if (answer.conflict()) {
      return FormState.refused(
          submission.form(), submission.version(), submission.typed(), Map.of(), null, true);
    }
    return fieldProblems(answer.problem(), submission, fields, exchange);
  }

  private FormState fieldProblems(
      Problem problem, Submission submission, Set<String> fields, ServerWebExchange exchange) {
    Map<String, String> byField = new LinkedHashMap<>();
    StringBuilder unplaced = new StringBuilder();
    for (Problem.FieldProblem error : problem.errors()) {
      String field = formField(error.field());
      if (fields.contains(field) || Submission.PROVENANCE.contains(field)) {
        byField.merge(field, error.message(), (a, b) -> a + "; " + b);
      } else {
        unplaced.append(error.field()).append(": ").append(error.message()).append(". ");
      }
    }
    String whole =
        byField.isEmpty() && unplaced.isEmpty()
            ? (problem.detail() == null ? message("form.refused", exchange) : problem.detail())
            : unplaced.isEmpty() ? message("form.fieldsRefused", exchange) : unplaced.toString();
    return FormState.refused(
        submission.form(), submission.version(), submission.typed(), byField, whole, false);
  }

  /**
   * The registry names an other cost's line fields by index (the form has one line) and nests the
   * ranges that the forms ask as two fields.
   */
  private static String formField(String field) {
    if (field == null) {
      return "";
    }
    String unlined = field.startsWith("lines[") ? field.substring(field.indexOf('.') + 1) : field;
    return RecordingForms.REGISTRY_FIELDS.getOrDefault(unlined, unlined);
  }

  private FormState refusedAt(
      Submission submission, RecordingForm.Field field, ServerWebExchange exchange) {
    return FormState.refused(
        submission.form(),
        submission.version(),
        submission.typed(),
        Map.of(
            field.name(),
            message(field.choice() ? "form.choice.invalid" : "form.year.invalid", exchange)),
        message("form.fieldsRefused", exchange),
        false);
  }

  private Mono<Rendering> onForumPage(String forumId, FormState refused) {
    return forumPage.render(forumId, new TimeSlice(null, null), refused, null);
  }

  private String message(String key, ServerWebExchange exchange) {
    Locale locale = exchange.getLocaleContext().getLocale();
    return messages.getMessage(key, null, key, locale == null ? Locale.ROOT : locale);
  }
}
