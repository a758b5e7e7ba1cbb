package org.forumledger.reporting.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.forumledger.reporting.api.InvalidParameterException;
import org.forumledger.reporting.api.Params;
import org.forumledger.reporting.history.TimeSlice;
import org.forumledger.reporting.history.Totals;
import org.forumledger.reporting.query.RegistryQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The appendix for any year and slice of time, as an HTML page, PDF, CSV or XLSX. */
@RestController
public class ReportController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  static final MediaType PDF = MediaType.APPLICATION_PDF;

  private final RegistryQueries queries;

  /**
   * Rendered appendices per format, kept with the totals they were rendered from: the queries hand
   * out the same totals for as long as the registry at that slice is unchanged, so the same totals
   * (by identity) mean the same document.
   */
  private final Cache<Totals, Map<String, byte[]>> rendered =
      Caffeine.newBuilder().weakKeys().maximumSize(8).build();

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
    if (!f.equals("html") && !f.equals("pdf") && !f.equals("csv") && !f.equals("xlsx")) {
      throw new InvalidParameterException("format", "format must be html, pdf, csv or xlsx");
    }
    return Mono.fromCallable(
            () -> {
              Totals totals = queries.totals(y, slice);
              byte[] body =
                  rendered
                      .get(totals, t -> new ConcurrentHashMap<>())
                      .computeIfAbsent(
                          f,
                          asked -> {
                            AppendixReport report =
                                AppendixBuilder.build(totals, slice.asOf(), slice.knownAt());
                            return switch (asked) {
                              case "csv" -> AppendixRenderer.csv(report);
                              case "xlsx" -> AppendixRenderer.xlsx(report);
                              case "pdf" -> AppendixRenderer.pdf(report);
                              default -> AppendixRenderer.html(report);
                            };
                          });
              String file = "natverk-och-samarbeten-" + y;
              return switch (f) {
                case "csv" ->
                    ResponseEntity.ok()
                        .contentType(CSV)
                        .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=" + file + ".csv")
                        .body(body);
                case "xlsx" ->
                    ResponseEntity.ok()
                        .contentType(XLSX)
                        .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=" + file + ".xlsx")
                        .body(body);
                case "pdf" ->
                    ResponseEntity.ok()
                        .contentType(PDF)
                        .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=" + file + ".pdf")
                        .body(body);
                default ->
                    ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                        .body(body);
              };
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
