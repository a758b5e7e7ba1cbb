package org.forumledger.reporting.api;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.forumledger.events.MandatePeriod;
import org.forumledger.reporting.city.City;
import org.forumledger.reporting.city.CityReports;
import org.forumledger.reporting.city.OutcomeRenderer;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.query.CityQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The reports that answer the board's motion: units, the council's goals, review rounds (what a
 * review said on a date as known at a time, its progress and its outcome for the board), overlaps
 * and goal coverage. Each at any slice of time ({@code asOf}, {@code knownAt}), open to every
 * reader.
 */
@RestController
public class CityReportController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

  private final CityQueries city;

  public CityReportController(CityQueries city) {
    this.city = city;
  }

  public record Units(long position, List<CityReports.UnitRow> units) {}

  public record Goals(long position, String period, List<CityReports.GoalRow> goals) {}

  public record Reviews(long position, List<CityReports.ReviewSummary> reviews) {}

  public record Review(
      long position,
      java.time.LocalDate asOf,
      java.time.Instant knownAt,
      CityReports.ReviewDetail review) {}

  public record Progress(long position, CityReports.Progress progress) {}

  public record Overlaps(long position, CityReports.Overlaps overlaps) {}

  public record Coverage(long position, CityReports.GoalCoverage coverage) {}

  @GetMapping("/reports/units")
  public Mono<Units> units(
      @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
    TimeSlice slice = Params.slice(asOf, knownAt);
    return read(
        () -> {
          CityQueries.CityAt at = city.at(slice);
          return new Units(at.position(), CityReports.units(at.city()));
        });
  }

  @GetMapping("/reports/goals")
  public Mono<Goals> goals(
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String knownAt) {
    MandatePeriod p = Params.period("period", period);
    TimeSlice slice = Params.slice(asOf, knownAt);
    return read(
        () -> {
          CityQueries.CityAt at = city.at(slice);
          return new Goals(
              at.position(), p == null ? null : p.label(), CityReports.goals(at.city(), p));
        });
  }

  @GetMapping("/reports/reviews")
  public Mono<Reviews> reviews(
      @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
    TimeSlice slice = Params.slice(asOf, knownAt);
    return read(
        () -> {
          CityQueries.CityAt at = city.at(slice);
          return new Reviews(
              at.position(),
              at.city().reviews().values().stream().map(CityReports::summary).toList());
        });
  }

  @GetMapping("/reports/reviews/{reviewId}")
  public Mono<Review> review(
      @PathVariable String reviewId,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String knownAt) {
    TimeSlice slice = Params.slice(asOf, knownAt);
    return read(
        () -> {
          CityQueries.CityAt at = city.at(slice);
          return new Review(
              at.position(),
              slice.asOf(),
              slice.knownAt(),
              CityReports.detail(review(at, reviewId), at.forums()));
        });
  }

  @GetMapping("/reports/reviews/{reviewId}/progress")
  public Mono<Progress> progress(
      @PathVariable String reviewId,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String knownAt) {
    TimeSlice slice = Params.slice(asOf, knownAt);
    return read(
        () -> {
          CityQueries.CityAt at = city.at(slice);
          return new Progress(
              at.position(), CityReports.progress(review(at, reviewId), at.forums()));
        });
  }

  @GetMapping("/reports/reviews/{reviewId}/outcome")
  public Mono<ResponseEntity<byte[]>> outcome(
      @PathVariable String reviewId,
      @RequestParam(required = false, defaultValue = "html") String format,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String knownAt) {
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("html") && !f.equals("csv") && !f.equals("xlsx")) {
      throw new InvalidParameterException("format", "format must be html, csv or xlsx");
    }
    TimeSlice slice = Params.slice(asOf, knownAt);
    return read(
        () -> {
          CityQueries.CityAt at = city.at(slice);
          CityReports.Outcome outcome =
              CityReports.outcome(
                  review(at, reviewId), at.city(), at.forums(), slice.asOf(), slice.knownAt());
          String file = "oversyn-" + reviewId.replaceAll("[^A-Za-z0-9_-]", "_");
          return switch (f) {
            case "csv" -> attachment(CSV, file + ".csv", OutcomeRenderer.csv(outcome));
            case "xlsx" -> attachment(XLSX, file + ".xlsx", OutcomeRenderer.xlsx(outcome));
            default -> ResponseEntity.ok().contentType(HTML).body(OutcomeRenderer.html(outcome));
          };
        });
  }

  @GetMapping("/reports/overlaps")
  public Mono<Overlaps> overlaps(
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String knownAt) {
    int y = Params.year(year);
    TimeSlice slice = Params.slice(asOf, knownAt);
    return read(
        () -> {
          CityQueries.CityAt at = city.at(slice);
          return new Overlaps(at.position(), CityReports.overlaps(at.city(), at.forums(), y));
        });
  }

  @GetMapping("/reports/goal-coverage")
  public Mono<Coverage> goalCoverage(
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String knownAt) {
    MandatePeriod p = Params.period("period", period);
    if (p == null) {
      throw new InvalidParameterException("period", "period is required, e.g. period=2023-2026");
    }
    TimeSlice slice = Params.slice(asOf, knownAt);
    return read(
        () -> {
          CityQueries.CityAt at = city.at(slice);
          return new Coverage(at.position(), CityReports.goalCoverage(at.city(), at.forums(), p));
        });
  }

  private static City.Review review(CityQueries.CityAt at, String reviewId) {
    City.Review review = at.city().reviews().get(reviewId);
    if (review == null) {
      throw new ReviewNotFoundException(reviewId);
    }
    return review;
  }

  private static ResponseEntity<byte[]> attachment(MediaType type, String file, byte[] body) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + file)
        .body(body);
  }

  private static <T> Mono<T> read(Callable<T> answer) {
    return Mono.fromCallable(answer).subscribeOn(Schedulers.boundedElastic());
  }
}
