package org.forumledger.web.forums;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forumledger.web.LedgerClients;
import org.forumledger.web.costs.CostFigures;
import org.forumledger.web.page.FormState;
import org.forumledger.web.page.TimeSlice;
import org.forumledger.web.recording.RecordingForm;
import org.forumledger.web.recording.RecordingForms;
import org.forumledger.web.review.CityReads;
import org.forumledger.web.signin.Person;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One forum's page: its details, people, headcounts and costs by year from the reporting service at
 * the page's times; its history (who, when, why, on which decision) for every reader; and, for a
 * registrar looking at the present, the recording forms drawn at the version the registry's ETag
 * names.
 */
@Component
public class ForumPage {

  private static final Duration CATCH_UP_STEP = Duration.ofMillis(200);
  private static final int CATCH_UP_STEPS = 25;

  private final LedgerClients clients;
  private final ForumReads forums;
  private final CityReads city;

  public ForumPage(LedgerClients clients, ForumReads forums, CityReads city) {
    this.clients = clients;
    this.forums = forums;
    this.city = city;
  }

  /**
   * @param refused a form drawn again after the registry refused it, or null
   * @param recorded the form whose write just succeeded, or null
   */
  public Mono<Rendering> render(
      String forumId, TimeSlice slice, FormState refused, String recorded) {
    return Person.current()
        .flatMap(
            person -> {
              boolean forms = person.canRecord() && slice.current();
              Mono<Long> version = forms ? registryVersion(forumId) : Mono.just(-1L);
              return version.flatMap(
                  v ->
                      // the history is read once the forum caught up, so it holds the same events
                      forumCaughtUp(forumId, slice, v)
                          .zipWhen(forum -> forums.history(forumId, slice))
                          .zipWhen(found -> meetingYears(found.getT1(), slice))
                          .zipWhen(found -> forms ? cityChoices() : Mono.just(NO_CITY_CHOICES))
                          .zipWhen(found -> goalTitles(found.getT1().getT1().getT2()))
                          .map(
                              withTitles -> {
                                var withChoices = withTitles.getT1();
                                var found = withChoices.getT1();
                                return page(
                                        found.getT1().getT1(),
                                        found.getT1().getT2(),
                                        forms ? v : null,
                                        refused,
                                        recorded,
                                        withChoices.getT2())
                                    .modelAttribute("meetingYears", found.getT2())
                                    .modelAttribute(
                                        "goalLinks", GoalLink.latest(found.getT1().getT2()))
                                    .modelAttribute("goalTitles", withTitles.getT2())
                                    .build();
                              }));
            });
  }

  /**
   * A year with meetings recorded: the other cost reporting derives from them by the shared rule
   * (or why it is not calculated), down to each meeting and the rates; and the cost service's own
   * explanation of the forum-year, null when it cannot give one (not caught up, or an older cost
   * service), never guessed.
   */
  public record MeetingYear(int year, OtherCost derived, CostFigures.Explanation explanation) {}

  /** Reporting's answer for a forum-year's other cost. */
  public record OtherCost(
      String basis,
      String status,
      java.math.BigDecimal totalSek,
      String reason,
      String rule,
      List<String> meetings) {}

  private Mono<List<MeetingYear>> meetingYears(Forum forum, TimeSlice slice) {
    return Flux.fromIterable(forum.meetingYears())
        .concatMap(
            year ->
                clients
                    .reporting()
                    .get()
                    .uri(
                        slice
                            .withParameters(
                                UriComponentsBuilder.fromPath(
                                    "/forums/"
                                        + forum.forumId()
                                        + "/years/"
                                        + year
                                        + "/other-cost"))
                            .build()
                            .toUriString())
                    .retrieve()
                    .bodyToMono(OtherCost.class)
                    .zipWith(
                        clients
                            .cost()
                            .get()
                            .uri("/costs/forums/{id}/years/{year}/explain", forum.forumId(), year)
                            .retrieve()
                            .bodyToMono(CostFigures.Explanation.class)
                            .map(java.util.Optional::of)
                            .onErrorResume(e -> Mono.just(java.util.Optional.empty())))
                    .map(found -> new MeetingYear(year, found.getT1(), found.getT2().orElse(null))))
        .collectList();
  }

  private static final List<List<RecordingForm.Option>> NO_CITY_CHOICES =
      List.of(List.of(), List.of());

  /**
   * The titles of the goals the forum's participations are linked to, by id; none asked when no
   * participation is linked, and an id stays as it is when the registry cannot name it.
   */
  private Mono<Map<String, String>> goalTitles(List<HistoryEntry> history) {
    if (GoalLink.latest(history).isEmpty()) {
      return Mono.just(Map.of());
    }
    return city.goals(null)
        .map(
            goals ->
                goals.stream()
                    .collect(
                        java.util.stream.Collectors.toMap(
                            g -> g.goalId(), g -> g.title(), (a, b) -> a)))
        .onErrorResume(WebClientResponseException.class, unnamed -> Mono.just(Map.of()));
  }

  /** The registered units and the council's goals, which the goals form chooses among. */
  private Mono<List<List<RecordingForm.Option>>> cityChoices() {
    return Mono.zip(city.units(), city.goals(null))
        // a registry without units and goals yet (an older one) leaves the goals form no choices
        .onErrorResume(
            WebClientResponseException.NotFound.class,
            older -> Mono.just(reactor.util.function.Tuples.of(List.of(), List.of())))
        .map(
            found ->
                List.of(
                    CityReads.unitOptions(found.getT1(), false),
                    CityReads.goalOptions(found.getT2())));
  }

  private Rendering.Builder<?> page(
      Forum forum,
      List<HistoryEntry> history,
      Long version,
      FormState refused,
      String recorded,
      List<List<RecordingForm.Option>> cityChoices) {
    Rendering.Builder<?> page =
        Rendering.view("forum")
            .modelAttribute("page", "forums")
            .modelAttribute("forum", forum)
            .modelAttribute(
                "timeline",
                history.stream()
                    .sorted(Comparator.comparingLong(HistoryEntry::sequenceNumber).reversed())
                    .toList())
            .modelAttribute("recorded", recorded);
    if (version != null) {
      Map<String, FormState> states = new LinkedHashMap<>();
      for (RecordingForm form : RecordingForms.ALL) {
        states.put(
            form.name(),
            refused != null && refused.name().equals(form.name())
                ? refused
                : FormState.fresh(
                    form.name(), version, RecordingForms.defaults(form.name(), forum)));
      }
      page.modelAttribute("forms", RecordingForms.ALL)
          .modelAttribute("formStates", states)
          .modelAttribute(
              "choices", RecordingForms.choices(forum, cityChoices.get(0), cityChoices.get(1)))
          .modelAttribute("conflict", refused != null && refused.conflict());
    }
    if (refused != null) {
      page.status(refused.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY);
    }
    return page;
  }

  /** The forum's current version, from the registry's ETag. */
  private Mono<Long> registryVersion(String forumId) {
    return clients
        .registry()
        .get()
        .uri("/forums/{id}", forumId)
        .retrieve()
        .toBodilessEntity()
        .map(response -> Long.parseLong(response.getHeaders().getETag().replace("\"", "")));
  }

  /**
   * The reporting service learns of a write a moment after the registry makes it; a registrar who
   * just recorded something (or registered the forum) should see it, so the page waits briefly for
   * that version. A forum still unknown there then is unknown (404).
   */
  private Mono<Forum> forumCaughtUp(String forumId, TimeSlice slice, long version) {
    return forums
        .one(forumId, slice)
        .onErrorResume(WebClientResponseException.NotFound.class, notYet -> Mono.empty())
        .filter(forum -> forum.lastSequence() >= version)
        .repeatWhenEmpty(attempts -> attempts.take(CATCH_UP_STEPS).delayElements(CATCH_UP_STEP))
        .switchIfEmpty(Mono.defer(() -> forums.one(forumId, slice)));
  }
}
