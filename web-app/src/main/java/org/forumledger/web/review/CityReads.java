package org.forumledger.web.review;

import java.util.ArrayList;
import java.util.List;
import org.forumledger.web.LedgerClients;
import org.forumledger.web.page.TimeSlice;
import org.forumledger.web.recording.RecordingForm;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The review's reads: units, goals and reviews as the registry has them now (with the versions a
 * form is drawn at), a review as reporting tells it at a page's times, its progress, the overlaps
 * and the goal coverage from reporting, and its savings from the cost service.
 */
@Component
public class CityReads {

  /** KS and SLK are units before any is registered (the 2023 inventory's two bodies). */
  static final List<String> INVENTORY_UNITS = List.of("KS", "SLK");

  private static final ParameterizedTypeReference<List<City.Unit>> UNITS =
      new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<City.Goal>> GOALS =
      new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<City.Review>> REVIEWS =
      new ParameterizedTypeReference<>() {};

  private final LedgerClients clients;

  public CityReads(LedgerClients clients) {
    this.clients = clients;
  }

  public Mono<List<City.Unit>> units() {
    return clients.registry().get().uri("/units").retrieve().bodyToMono(UNITS);
  }

  /** The goals of a mandate period, or of every period when {@code period} is null. */
  public Mono<List<City.Goal>> goals(String period) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/goals");
    if (period != null && !period.isBlank()) {
      uri.queryParam("period", period.strip());
    }
    return clients
        .registry()
        .get()
        .uri(uri.build().encode().toUriString())
        .retrieve()
        .bodyToMono(GOALS);
  }

  public Mono<List<City.Review>> reviews() {
    return clients.registry().get().uri("/reviews").retrieve().bodyToMono(REVIEWS);
  }

  /** The review now, from the registry, with the version its forms are drawn at. */
  public Mono<City.Review> review(String reviewId) {
    return clients
        .registry()
        .get()
        .uri("/reviews/{id}", reviewId)
        .retrieve()
        .bodyToMono(City.Review.class);
  }

  /** What the review said on the slice's date, as known at its moment, from reporting. */
  public Mono<City.Review> reviewAt(String reviewId, TimeSlice slice) {
    return clients
        .reporting()
        .get()
        .uri(
            slice
                .withParameters(UriComponentsBuilder.fromPath("/reports/reviews/{id}"))
                .buildAndExpand(reviewId)
                .toUriString())
        .retrieve()
        .bodyToMono(City.ReviewAt.class)
        .map(City.ReviewAt::review);
  }

  public Mono<City.Progress> progress(String reviewId, TimeSlice slice) {
    return clients
        .reporting()
        .get()
        .uri(
            slice
                .withParameters(UriComponentsBuilder.fromPath("/reports/reviews/{id}/progress"))
                .buildAndExpand(reviewId)
                .toUriString())
        .retrieve()
        .bodyToMono(City.ProgressAt.class)
        .map(City.ProgressAt::progress);
  }

  public Mono<City.Savings> savings(String reviewId) {
    return clients
        .cost()
        .get()
        .uri("/costs/reviews/{id}/savings", reviewId)
        .retrieve()
        .bodyToMono(City.Savings.class);
  }

  public Mono<City.Overlaps> overlaps(int year) {
    return clients
        .reporting()
        .get()
        .uri(uri -> uri.path("/reports/overlaps").queryParam("year", year).build())
        .retrieve()
        .bodyToMono(City.OverlapsAt.class)
        .map(City.OverlapsAt::overlaps);
  }

  public Mono<City.Coverage> coverage(String period) {
    return clients
        .reporting()
        .get()
        .uri(uri -> uri.path("/reports/goal-coverage").queryParam("period", period).build())
        .retrieve()
        .bodyToMono(City.CoverageAt.class)
        .map(City.CoverageAt::coverage);
  }

  /**
   * The units a form offers: KS and SLK first (the inventory's two bodies, named by the registry
   * once registered), then every other registered unit by name.
   */
  public static List<RecordingForm.Option> unitOptions(List<City.Unit> units, boolean none) {
    List<RecordingForm.Option> options = new ArrayList<>();
    if (none) {
      options.add(new RecordingForm.Option("", "record.none", null));
    }
    for (String code : INVENTORY_UNITS) {
      options.add(
          units.stream()
              .filter(u -> code.equals(u.code()))
              .findFirst()
              .map(CityReads::option)
              .orElseGet(() -> new RecordingForm.Option(code, "body." + code, null)));
    }
    units.stream()
        .filter(u -> !INVENTORY_UNITS.contains(u.code()))
        .sorted(
            java.util.Comparator.comparing(
                (City.Unit u) -> u.name() == null ? u.code() : u.name(),
                String.CASE_INSENSITIVE_ORDER))
        .map(CityReads::option)
        .forEach(options::add);
    return List.copyOf(options);
  }

  private static RecordingForm.Option option(City.Unit unit) {
    return new RecordingForm.Option(unit.code(), null, unit.name() + " (" + unit.code() + ")");
  }

  public static List<RecordingForm.Option> goalOptions(List<City.Goal> goals) {
    return goals.stream()
        .map(
            g ->
                new RecordingForm.Option(
                    g.goalId(), null, g.title() + " (" + g.periodLabel() + ")"))
        .toList();
  }
}
