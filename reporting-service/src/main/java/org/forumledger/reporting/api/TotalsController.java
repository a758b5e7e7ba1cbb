package org.forumledger.reporting.api;

import java.time.Duration;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.live.ChangeFeed;
import org.forumledger.reporting.query.RegistryQueries;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Totals for a year, at any point in both times, and live as Server-Sent Events. */
@RestController
public class TotalsController {

  private final RegistryQueries queries;
  private final ChangeFeed feed;

  public TotalsController(RegistryQueries queries, ChangeFeed feed) {
    this.queries = queries;
    this.feed = feed;
  }

  @GetMapping("/reports/totals")
  public Mono<TotalsResponse> totals(
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String knownAt) {
    int y = Params.year(year);
    TimeSlice slice = Params.slice(asOf, knownAt);
    return Mono.fromCallable(() -> compute(y, slice)).subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * The current totals at once, then again after events are applied (at most twice a second, so an
   * import of hundreds of events does not recompute hundreds of times).
   */
  @GetMapping(path = "/reports/totals/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public Flux<ServerSentEvent<TotalsResponse>> live(@RequestParam(required = false) String year) {
    int y = Params.year(year);
    // merge, not concat: the feed is subscribed at once, so nothing applied meanwhile is missed
    Flux<Long> ticks = Flux.merge(Mono.just(-1L), feed.positions().sample(Duration.ofMillis(500)));
    return ticks
        .concatMap(
            tick ->
                Mono.fromCallable(() -> compute(y, TimeSlice.CURRENT))
                    .subscribeOn(Schedulers.boundedElastic()))
        .distinctUntilChanged(TotalsResponse::position)
        .map(
            totals ->
                ServerSentEvent.builder(totals)
                    .id(String.valueOf(totals.position()))
                    .event("totals")
                    .build());
  }

  private TotalsResponse compute(int year, TimeSlice slice) {
    return TotalsResponse.of(queries.totals(year, slice), slice.asOf(), slice.knownAt());
  }
}
