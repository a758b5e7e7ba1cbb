package org.forumledger.cost.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.forumledger.cost.api.CostViews.ChecksumView;
import org.forumledger.cost.api.CostViews.ExplainView;
import org.forumledger.cost.api.CostViews.ForumCostsView;
import org.forumledger.cost.api.CostViews.ForumYearView;
import org.forumledger.cost.api.CostViews.MandatePeriodView;
import org.forumledger.cost.api.CostViews.ProjectionsView;
import org.forumledger.cost.api.CostViews.SavingsView;
import org.forumledger.cost.api.CostViews.YearTotalsView;
import org.forumledger.cost.readmodel.ReadModelAdmin;
import org.forumledger.cost.rebuild.RebuildProgress;
import org.forumledger.cost.rebuild.RebuildService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The cost API. Parameters are parsed here into values the queries can trust (a malformed one is a
 * 400 before any query runs); JDBC blocks, so every query runs on the bounded-elastic scheduler.
 */
@RestController
@RequestMapping("/costs")
class CostController {

  private final CostQueries queries;
  private final ReadModelAdmin readModel;
  private final RebuildService rebuild;

  CostController(CostQueries queries, ReadModelAdmin readModel, RebuildService rebuild) {
    this.queries = queries;
    this.readModel = readModel;
    this.rebuild = rebuild;
  }

  @GetMapping("/years/{year}")
  Mono<YearTotalsView> year(@PathVariable int year) {
    YearParam asked = YearParam.of("year", year);
    return blocking(() -> queries.yearTotals(asked));
  }

  @GetMapping("/years/{year}/forums")
  Mono<List<ForumYearView>> yearForums(@PathVariable int year) {
    YearParam asked = YearParam.of("year", year);
    return blocking(() -> queries.yearForums(asked));
  }

  @GetMapping(value = "/years/{year}/forums.csv", produces = "text/csv")
  Mono<ResponseEntity<byte[]>> yearForumsCsv(@PathVariable int year) {
    YearParam asked = YearParam.of("year", year);
    return blocking(
        () ->
            ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"costs-" + year + ".csv\"")
                .body(
                    YearTableCsv.write(queries.yearForums(asked))
                        .getBytes(StandardCharsets.UTF_8)));
  }

  @GetMapping("/years/{year}/explain")
  Mono<ExplainView> explainYear(
      @PathVariable int year,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String basis) {
    YearParam asked = YearParam.of("year", year);
    Basis reading = Basis.parse(basis);
    return blocking(() -> queries.explainYear(asked, area, reading));
  }

  @GetMapping("/forums/{forumId}")
  Mono<ForumCostsView> forum(@PathVariable String forumId) {
    return blocking(() -> queries.forum(forumId));
  }

  @GetMapping("/forums/{forumId}/years/{year}/explain")
  Mono<ExplainView> explainForumYear(
      @PathVariable String forumId,
      @PathVariable int year,
      @RequestParam(required = false) String basis) {
    YearParam asked = YearParam.of("year", year);
    Basis reading = Basis.parse(basis);
    return blocking(() -> queries.explainForumYear(forumId, asked, reading));
  }

  @GetMapping("/mandate-periods/{period}")
  Mono<MandatePeriodView> mandatePeriod(@PathVariable String period) {
    MandatePeriodParam asked = MandatePeriodParam.parse(period);
    return blocking(() -> queries.mandatePeriod(asked));
  }

  @GetMapping("/projections")
  Mono<ProjectionsView> projections(
      @RequestParam(required = false) Integer from,
      @RequestParam(required = false) Integer to,
      @RequestParam(defaultValue = "false") boolean includeForums) {
    YearParam first = YearParam.ofNullable("from", from);
    YearParam last = YearParam.ofNullable("to", to);
    return blocking(() -> queries.projections(first, last, includeForums));
  }

  /** What a review's decisions save, per year and per mandate period, each line explained. */
  @GetMapping("/reviews/{reviewId}/savings")
  Mono<SavingsView> reviewSavings(@PathVariable String reviewId) {
    return blocking(() -> queries.savings(reviewId));
  }

  /**
   * A fingerprint of the whole read model and the position it reflects; with {@code position}, 409
   * unless the model is at exactly that position.
   */
  @GetMapping("/checksum")
  Mono<ChecksumView> checksum(@RequestParam(required = false) Long position) {
    return blocking(
        () -> {
          ReadModelAdmin.Fingerprint f = readModel.fingerprint();
          if (position != null && position != f.position()) {
            throw new ApiProblems.PositionMismatch(position, f.position());
          }
          return new ChecksumView(f.position(), f.checksum(), f.eventCount());
        });
  }

  /**
   * Starts a rebuild of the read model from the topic and answers at once, 202 with where to follow
   * it; 409 while one runs.
   */
  @PostMapping("/admin/rebuild")
  Mono<ResponseEntity<RebuildProgress>> rebuild() {
    return blocking(
        () ->
            ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/costs/admin/rebuild"))
                .body(rebuild.start()));
  }

  /** How far the last rebuild is, and when done, how each record was decided. */
  @GetMapping("/admin/rebuild")
  RebuildProgress rebuildProgress() {
    return rebuild.progress();
  }

  private static <T> Mono<T> blocking(Callable<T> call) {
    return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
  }
}
