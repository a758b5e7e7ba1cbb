package org.forumledger.reporting.report;

import java.util.Locale;
import org.forumledger.reporting.api.InvalidParameterException;
import org.forumledger.reporting.api.Params;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.query.RegistryQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The appendix for any year and slice of time, as an HTML page, CSV or XLSX. */
@RestController
public class ReportController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  private final RegistryQueries queries;

  public ReportController(RegistryQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/reports/appendix")
  public Mono<ResponseEntity<byte[]>> appendix(
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String knownAt,
      @RequestParam(required = false, defaultValue = "html") String format) {
    int y = Params.year(year);
    TimeSlice slice = Params.slice(asOf, knownAt);
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("html") && !f.equals("csv") && !f.equals("xlsx")) {
      throw new InvalidParameterException("format", "format must be html, csv or xlsx");
    }
    return Mono.fromCallable(
            () -> {
              AppendixReport report =
                  AppendixBuilder.build(queries.totals(y, slice), slice.asOf(), slice.knownAt());
              String file = "natverk-och-samarbeten-" + y;
              return switch (f) {
                case "csv" ->
                    ResponseEntity.ok()
                        .contentType(CSV)
                        .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=" + file + ".csv")
                        .body(AppendixRenderer.csv(report));
                case "xlsx" ->
                    ResponseEntity.ok()
                        .contentType(XLSX)
                        .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=" + file + ".xlsx")
                        .body(AppendixRenderer.xlsx(report));
                default ->
                    ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                        .body(AppendixRenderer.html(report));
              };
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
