package org.forumledger.registry.closing;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import org.forumledger.events.LedgerCalendar;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Year closing (bokslut): an auditor states a year's totals at a link of the chain and the registry
 * signs the statement; anyone reads it.
 */
@RestController
public class YearClosingController {

  /** What the auditor states: the link the totals were read at, and the totals. */
  public record ClosingRequest(Long chainSequence, Figures totals) {}

  public record Figures(
      Integer forumCount,
      BigDecimal annualFeeTotal,
      BigDecimal otherCostTotal,
      Integer notCalculatedCount) {}

  private final YearClosings closings;

  public YearClosingController(YearClosings closings) {
    this.closings = closings;
  }

  @PostMapping("/years/{year}/closing")
  @ResponseStatus(HttpStatus.CREATED)
  public Mono<YearClosing> close(
      @PathVariable int year, @RequestBody ClosingRequest request, Principal auditor) {
    return Mono.fromCallable(
            () ->
                closings.close(
                    checked(year), sequence(request), totals(request), auditor.getName()))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @GetMapping("/years/{year}/closing")
  public Mono<YearClosing> closing(@PathVariable int year) {
    return Mono.fromCallable(
            () ->
                closings
                    .find(year)
                    .orElseThrow(
                        () -> new ProblemException(ProblemType.NOT_FOUND, year + " is not closed")))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @GetMapping("/years/closings")
  public Mono<List<YearClosing>> closings() {
    return Mono.fromCallable(closings::all).subscribeOn(Schedulers.boundedElastic());
  }

  private static int checked(int year) {
    if (!LedgerCalendar.accepts(year)) {
      throw new ProblemException(ProblemType.INVALID_PARAMETER, LedgerCalendar.yearRule("year"));
    }
    return year;
  }

  private static long sequence(ClosingRequest request) {
    if (request.chainSequence() == null || request.chainSequence() < 1) {
      throw new ProblemException(
          ProblemType.INVALID_FIELDS, "chainSequence: the published link the totals were read at");
    }
    return request.chainSequence();
  }

  private static YearClosing.Totals totals(ClosingRequest request) {
    Figures f = request.totals();
    if (f == null
        || f.forumCount() == null
        || f.annualFeeTotal() == null
        || f.otherCostTotal() == null
        || f.notCalculatedCount() == null) {
      throw new ProblemException(
          ProblemType.INVALID_FIELDS,
          "totals: forumCount, annualFeeTotal, otherCostTotal and notCalculatedCount are required");
    }
    return new YearClosing.Totals(
        f.forumCount(), f.annualFeeTotal(), f.otherCostTotal(), f.notCalculatedCount());
  }
}
