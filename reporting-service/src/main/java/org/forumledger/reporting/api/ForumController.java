package org.forumledger.reporting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.CostStatus;
import org.forumledger.events.ParticipationCost;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.history.YearFigures;
import org.forumledger.reporting.query.RegistryQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The registry now, or as of a valid-time date and/or as known at a recorded time. */
@RestController
public class ForumController {

  private final RegistryQueries queries;

  public ForumController(RegistryQueries queries) {
    this.queries = queries;
  }

  public record ForumList(
      long position, LocalDate asOf, Instant knownAt, int count, List<ForumState> forums) {}

  @GetMapping("/forums")
  public Mono<ForumList> forums(
      @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
    TimeSlice slice = Params.slice(asOf, knownAt);
    return Mono.fromCallable(
            () -> {
              RegistryQueries.Snapshot snapshot = queries.forumsByReference(slice);
              List<ForumState> forums = snapshot.forums();
              return new ForumList(
                  snapshot.position(), slice.asOf(), slice.knownAt(), forums.size(), forums);
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  @GetMapping("/forums/{forumId}")
  public Mono<ForumState> forum(
      @PathVariable String forumId,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String knownAt) {
    TimeSlice slice = Params.slice(asOf, knownAt);
    return Mono.fromCallable(
            () ->
                queries
                    .forum(forumId, slice)
                    .orElseThrow(() -> new ForumNotFoundException(forumId)))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * A forum-year's other cost as the totals take it: from its recorded meetings by the shared rule
   * (derived, or not calculated with the reason), else the recorded estimate.
   *
   * @param basis {@code records} or {@code estimate}
   * @param totalSek null when not calculated or nothing applies
   * @param meetings each meeting's line of the explanation, empty on an estimate
   */
  public record OtherCost(
      String forumId,
      int year,
      String basis,
      String status,
      BigDecimal totalSek,
      String reason,
      String rule,
      List<String> meetings) {}

  @GetMapping("/forums/{forumId}/years/{year}/other-cost")
  public Mono<OtherCost> otherCost(
      @PathVariable String forumId,
      @PathVariable String year,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String knownAt) {
    int y = Params.year(year);
    TimeSlice slice = Params.slice(asOf, knownAt);
    return Mono.fromCallable(
            () -> {
              ForumState forum =
                  queries
                      .forum(forumId, slice)
                      .orElseThrow(() -> new ForumNotFoundException(forumId));
              YearFigures figures = YearFigures.of(forum, y, queries.rates(y, slice));
              ParticipationCost.Derivation derivation = figures.derivation();
              CostStatus status = figures.otherCostStatus();
              return new OtherCost(
                  forumId,
                  y,
                  figures.onRecords() ? "records" : "estimate",
                  status == null ? null : status.name(),
                  status == CostStatus.AMOUNT ? figures.otherCostAmount() : null,
                  figures.otherCostReason(),
                  figures.onRecords() ? derivation.rule() : null,
                  derivation.meetings().stream()
                      .map(ParticipationCost.MeetingCost::describe)
                      .toList());
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
