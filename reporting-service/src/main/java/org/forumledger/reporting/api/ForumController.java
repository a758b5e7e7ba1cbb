package org.forumledger.reporting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.forumledger.reporting.history.ForumState;
import org.forumledger.reporting.history.TimeSlice;
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
}
