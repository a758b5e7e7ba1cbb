package org.forumledger.web.review;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.forumledger.web.LedgerClients;
import org.forumledger.web.forums.Forum;
import org.forumledger.web.forums.ForumReads;
import org.forumledger.web.page.FormState;
import org.forumledger.web.page.TimeSlice;
import org.forumledger.web.recording.CityForms;
import org.forumledger.web.recording.Problem;
import org.forumledger.web.recording.RecordingForm;
import org.forumledger.web.recording.RegistryWrites;
import org.forumledger.web.signin.Person;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The review rounds: the list and the form that opens one; a review's page with its scope, its
 * progress by area and unit, its savings by year and mandate period, the outcome's downloads and
 * the close button; and a participation's page, where the reviewer assesses it and the board's
 * decision is recorded. Now the review is read from the registry (the version the forms are drawn
 * at); at other times from reporting, without forms.
 */
@Controller
class ReviewsController {

  /** What may go into a service's address unencoded: ids, unit codes, UUIDs. */
  private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}._-]{1,80}");

  private static final Set<String> FORMATS = Set.of("html", "csv", "xlsx");
  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "html", "text/html;charset=UTF-8",
          "csv", "text/csv;charset=UTF-8",
          "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final Duration CATCH_UP_STEP = Duration.ofMillis(200);
  private static final int CATCH_UP_STEPS = 25;

  private final CityReads city;
  private final ForumReads forums;
  private final RegistryWrites writes;
  private final LedgerClients clients;

  ReviewsController(
      CityReads city, ForumReads forums, RegistryWrites writes, LedgerClients clients) {
    this.city = city;
    this.forums = forums;
    this.writes = writes;
    this.clients = clients;
  }

  @GetMapping("/reviews")
  Mono<Rendering> reviews(@RequestParam(required = false) String recorded) {
    return listPage(
        FormState.fresh(
            "review",
            null,
            Map.of(
                "period", UnitsController.DEFAULT_PERIOD, "openedOn", LocalDate.now().toString())),
        null);
  }

  @PostMapping("/reviews")
  Mono<Rendering> open(ServerWebExchange exchange) {
    return exchange
        .getFormData()
        .flatMap(
            data ->
                writes
                    .submit(CityForms.OPEN_REVIEW, data, "", exchange)
                    .flatMap(
                        outcome -> {
                          if (outcome.succeeded()) {
                            String path =
                                outcome.location() != null
                                    ? outcome.location().getPath()
                                    : "/reviews/" + data.getFirst("reviewId");
                            return Mono.just(
                                Rendering.redirectTo(path + "?recorded=review").build());
                          }
                          return listPage(outcome.refused(), UnitsController.status(outcome));
                        }));
  }

  private Mono<Rendering> listPage(FormState form, HttpStatus status) {
    return Mono.zip(city.reviews(), city.units())
        .map(
            found -> {
              Rendering.Builder<?> page =
                  Rendering.view("reviews")
                      .modelAttribute("page", "reviews")
                      .modelAttribute("reviews", found.getT1())
                      .modelAttribute("form", CityForms.OPEN_REVIEW)
                      .modelAttribute("reviewForm", form)
                      .modelAttribute(
                          "choices", Map.of("units", CityReads.unitOptions(found.getT2(), false)));
              if (status != null) {
                page.status(status);
              }
              return page.build();
            });
  }

  @GetMapping("/reviews/{reviewId}")
  Mono<Rendering> review(
      @PathVariable String reviewId,
      @RequestParam(required = false) String recorded,
      ServerWebExchange exchange) {
    checked(reviewId);
    TimeSlice slice = TimeSlice.from(exchange.getRequest().getQueryParams());
    return reviewPage(reviewId, slice, null, List.of(), recorded);
  }

  @PostMapping("/reviews/{reviewId}/close")
  Mono<Rendering> close(@PathVariable String reviewId, ServerWebExchange exchange) {
    checked(reviewId);
    return exchange
        .getFormData()
        .flatMap(data -> writes.submit(CityForms.CLOSE, data, "/reviews/" + reviewId, exchange))
        .flatMap(
            outcome ->
                outcome.succeeded()
                    ? Mono.just(
                        Rendering.redirectTo("/reviews/" + reviewId + "?recorded=close").build())
                    : reviewPage(
                        reviewId,
                        new TimeSlice(null, null),
                        outcome.refused(),
                        outcome.missing(),
                        null));
  }

  /**
   * @param refused the close form drawn again after the registry refused it, or null
   * @param missing what the registry named as unassessed when it refused to close
   */
  private Mono<Rendering> reviewPage(
      String reviewId,
      TimeSlice slice,
      FormState refused,
      List<Problem.Missing> missing,
      String recorded) {
    Mono<City.Review> review =
        slice.current() ? city.review(reviewId) : city.reviewAt(reviewId, slice);
    return Mono.zip(review, Person.current())
        .flatMap(
            found -> {
              City.Review r = found.getT1();
              Person person = found.getT2();
              return Mono.zip(
                      forums.all(new TimeSlice(null, null)),
                      city.goals(r.periodLabel()),
                      progressCaughtUp(r, slice),
                      optional(city.savings(reviewId)))
                  .map(
                      more -> {
                        ReviewRows rows =
                            ReviewRows.of(r.scope(), more.getT1().forums(), more.getT2());
                        Rendering.Builder<?> page =
                            Rendering.view("review")
                                .modelAttribute("page", "reviews")
                                .modelAttribute("review", r)
                                .modelAttribute("rows", rows)
                                .modelAttribute("progress", more.getT3().orElse(null))
                                .modelAttribute("savings", more.getT4().orElse(null))
                                .modelAttribute("recorded", recorded)
                                .modelAttribute("missing", rows.named(missing))
                                .modelAttribute("refusedToClose", refused != null);
                        boolean forms = person.canRecord() && slice.current() && r.open();
                        if (forms) {
                          page.modelAttribute("closeFormDef", CityForms.CLOSE)
                              .modelAttribute(
                                  "closeForm",
                                  refused != null
                                      ? refused
                                      : FormState.fresh(
                                          "close",
                                          r.version(),
                                          Map.of("closedOn", LocalDate.now().toString())))
                              .modelAttribute("choices", Map.of());
                        }
                        if (refused != null) {
                          page.status(
                              refused.conflict()
                                  ? HttpStatus.CONFLICT
                                  : HttpStatus.UNPROCESSABLE_ENTITY);
                        }
                        return page.build();
                      });
            });
  }

  /**
   * Reporting counts an assessment a moment after the registry records it; the person who just
   * assessed should see it counted, so the page waits briefly for reporting to have as many as the
   * registry. What reporting cannot say is shown as not available, never as zero.
   */
  private Mono<Optional<City.Progress>> progressCaughtUp(City.Review review, TimeSlice slice) {
    Mono<City.Progress> progress = city.progress(review.reviewId(), slice);
    if (!slice.current()) {
      return optional(progress);
    }
    return optional(
        progress
            .filter(p -> p.assessedCount() >= review.assessed())
            .repeatWhenEmpty(attempts -> attempts.take(CATCH_UP_STEPS).delayElements(CATCH_UP_STEP))
            .switchIfEmpty(Mono.defer(() -> city.progress(review.reviewId(), slice))));
  }

  private static <T> Mono<Optional<T>> optional(Mono<T> read) {
    return read.map(Optional::of)
        .onErrorResume(
            e ->
                !(e
                    instanceof
                    org.springframework.web.reactive.function.client.WebClientResponseException
                        .Forbidden),
            e -> Mono.just(Optional.empty()))
        .defaultIfEmpty(Optional.empty());
  }

  @GetMapping("/reviews/{reviewId}/participations/{forumId}/{body}")
  Mono<Rendering> participation(
      @PathVariable String reviewId,
      @PathVariable String forumId,
      @PathVariable String body,
      @RequestParam(required = false) String recorded) {
    checked(reviewId, forumId, body);
    return participationPage(reviewId, forumId, body, null, recorded);
  }

  @PostMapping("/reviews/{reviewId}/participations/{forumId}/{body}/assessment")
  Mono<Rendering> assess(
      @PathVariable String reviewId,
      @PathVariable String forumId,
      @PathVariable String body,
      ServerWebExchange exchange) {
    return record(
        CityForms.ASSESS,
        reviewId,
        forumId,
        body,
        "/reviews/" + reviewId + "/assessments/" + forumId + "/" + body,
        exchange);
  }

  @PostMapping("/reviews/{reviewId}/participations/{forumId}/{body}/decision")
  Mono<Rendering> decide(
      @PathVariable String reviewId,
      @PathVariable String forumId,
      @PathVariable String body,
      ServerWebExchange exchange) {
    return record(
        CityForms.DECIDE,
        reviewId,
        forumId,
        body,
        "/reviews/" + reviewId + "/decisions/" + forumId + "/" + body,
        exchange);
  }

  private Mono<Rendering> record(
      RecordingForm form,
      String reviewId,
      String forumId,
      String body,
      String under,
      ServerWebExchange exchange) {
    checked(reviewId, forumId, body);
    return exchange
        .getFormData()
        .flatMap(data -> writes.submit(form, data, under, exchange))
        .flatMap(
            outcome ->
                outcome.succeeded()
                    ? Mono.just(
                        Rendering.redirectTo(
                                "/reviews/"
                                    + reviewId
                                    + "/participations/"
                                    + forumId
                                    + "/"
                                    + body
                                    + "?recorded="
                                    + form.name())
                            .build())
                    : participationPage(reviewId, forumId, body, outcome.refused(), null));
  }

  private Mono<Rendering> participationPage(
      String reviewId, String forumId, String body, FormState refused, String recorded) {
    return city.review(reviewId)
        .flatMap(
            review -> {
              City.Participation participation =
                  review.scope().stream()
                      .filter(p -> p.forumId().equals(forumId) && p.body().equals(body))
                      .findFirst()
                      .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
              return Mono.zip(
                      forums.all(new TimeSlice(null, null)),
                      city.goals(review.periodLabel()),
                      city.units(),
                      Person.current())
                  .map(
                      found -> {
                        List<Forum> all = found.getT1().forums();
                        ReviewRows rows = ReviewRows.of(List.of(participation), all, found.getT2());
                        Rendering.Builder<?> page =
                            Rendering.view("participation")
                                .modelAttribute("page", "reviews")
                                .modelAttribute("review", review)
                                .modelAttribute("rows", rows)
                                .modelAttribute("row", rows.rows().get(0))
                                .modelAttribute("recorded", recorded);
                        if (found.getT4().canRecord()) {
                          Map<String, List<RecordingForm.Option>> choices = new LinkedHashMap<>();
                          choices.put("goalIds", CityReads.goalOptions(found.getT2()));
                          List<RecordingForm.Option> units =
                              CityReads.unitOptions(found.getT3(), true);
                          List<RecordingForm.Option> others = forumOptions(all, forumId);
                          choices.put("recommendationCoordinateWith", units);
                          choices.put("decisionCoordinateWith", units);
                          choices.put("recommendationMergeWithForumId", others);
                          choices.put("decisionMergeWithForumId", others);
                          page.modelAttribute("assessFormDef", CityForms.ASSESS)
                              .modelAttribute("decideFormDef", CityForms.DECIDE)
                              .modelAttribute(
                                  "assessForm",
                                  state(
                                      "assess",
                                      refused,
                                      review.version(),
                                      ReviewValues.assessment(participation)))
                              .modelAttribute(
                                  "decideForm",
                                  state(
                                      "decide",
                                      refused,
                                      review.version(),
                                      ReviewValues.decision(participation)))
                              .modelAttribute("choices", choices)
                              .modelAttribute("conflict", refused != null && refused.conflict());
                        }
                        if (refused != null) {
                          page.status(
                              refused.conflict()
                                  ? HttpStatus.CONFLICT
                                  : HttpStatus.UNPROCESSABLE_ENTITY);
                        }
                        return page.build();
                      });
            });
  }

  private static FormState state(
      String name, FormState refused, Long version, Map<String, String> values) {
    return refused != null && refused.name().equals(name)
        ? refused
        : FormState.fresh(name, version, values);
  }

  private static List<RecordingForm.Option> forumOptions(List<Forum> forums, String except) {
    List<RecordingForm.Option> options = new java.util.ArrayList<>();
    options.add(new RecordingForm.Option("", "record.none", null));
    forums.stream()
        .filter(f -> !f.forumId().equals(except))
        .sorted(
            java.util.Comparator.comparing(
                (Forum f) -> ReviewRows.referenceKey(f.inventoryReference())))
        .forEach(
            f ->
                options.add(
                    new RecordingForm.Option(
                        f.forumId(),
                        null,
                        (f.inventoryReference() == null ? "" : f.inventoryReference() + " ")
                            + f.name())));
    return List.copyOf(options);
  }

  /** The outcome as the executive office hands it to the board, from reporting. */
  @GetMapping("/downloads/reviews/{reviewId}/outcome")
  Mono<ResponseEntity<byte[]>> outcome(
      @PathVariable String reviewId, @RequestParam(defaultValue = "html") String format) {
    checked(reviewId);
    if (!FORMATS.contains(format)) {
      return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST));
    }
    return clients
        .reporting()
        .get()
        .uri(
            uri ->
                uri.path("/reports/reviews/{id}/outcome")
                    .queryParam("format", format)
                    .build(reviewId))
        .retrieve()
        .bodyToMono(byte[].class)
        .map(
            body -> {
              ResponseEntity.BodyBuilder answer =
                  ResponseEntity.ok()
                      .contentType(MediaType.parseMediaType(CONTENT_TYPES.get(format)));
              if (!"html".equals(format)) {
                answer.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=oversyn-" + reviewId + "." + format);
              }
              return answer.body(body);
            });
  }

  private static void checked(String... segments) {
    for (String segment : segments) {
      if (!SEGMENT.matcher(segment).matches()) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
      }
    }
  }
}
