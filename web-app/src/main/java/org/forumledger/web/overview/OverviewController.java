package org.forumledger.web.overview;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.forumledger.web.LedgerClients;
import org.forumledger.web.forums.ForumReads;
import org.forumledger.web.page.Amounts;
import org.forumledger.web.page.TimeSlice;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Totals by area for a year as a table and a chart, with what is not calculated and what another
 * forum carries in plain sight; redrawn live as the reporting service applies events; and the
 * year's appendix to download.
 */
@Controller
class OverviewController {

  private static final Set<String> APPENDIX_FORMATS = Set.of("csv", "xlsx", "html", "pdf");
  private static final List<Integer> YEARS = IntStream.rangeClosed(2019, 2030).boxed().toList();

  private final LedgerClients clients;
  private final ForumReads forums;
  private final ObjectMapper json;
  private final int defaultYear;

  OverviewController(
      LedgerClients clients,
      ForumReads forums,
      ObjectMapper json,
      @Value("${ledger.web.default-year}") int defaultYear) {
    this.clients = clients;
    this.forums = forums;
    this.json = json;
    this.defaultYear = defaultYear;
  }

  @GetMapping("/")
  Mono<Rendering> overview(
      @RequestParam(required = false) String year, ServerWebExchange exchange) {
    return model(year(year), exchange)
        .map(model -> Rendering.view("overview").model(model).build());
  }

  /** The totals alone, for the live redraw. */
  @GetMapping("/overview/totals")
  Mono<Rendering> totalsFragment(
      @RequestParam(required = false) String year, ServerWebExchange exchange) {
    return model(year(year), exchange)
        .map(model -> Rendering.view("overview :: totals").model(model).build());
  }

  /**
   * The reporting service's live totals, relayed as the person signed in: each event names the
   * position the totals reached, and the page fetches the redrawn figures when it moved.
   */
  @GetMapping(path = "/overview/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  Flux<ServerSentEvent<String>> live(@RequestParam(required = false) String year) {
    int y = year(year);
    return clients
        .reporting()
        .get()
        .uri(uri -> uri.path("/reports/totals/live").queryParam("year", y).build())
        .accept(MediaType.TEXT_EVENT_STREAM)
        .retrieve()
        .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Totals>>() {})
        .filter(event -> event.data() != null)
        .map(
            event ->
                ServerSentEvent.builder(String.valueOf(event.data().position()))
                    .event("totals")
                    .build());
  }

  /** The appendix report in CSV, XLSX, HTML or PDF, relayed from the reporting service. */
  @GetMapping("/downloads/appendix")
  Mono<ResponseEntity<Flux<DataBuffer>>> appendix(
      @RequestParam(required = false) String year, @RequestParam String format) {
    if (!APPENDIX_FORMATS.contains(format)) {
      return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "format"));
    }
    return clients
        .reporting()
        .get()
        .uri(
            uri ->
                uri.path("/reports/appendix")
                    .queryParam("year", year(year))
                    .queryParam("format", format)
                    .build())
        .retrieve()
        .toEntityFlux(DataBuffer.class)
        .map(
            upstream -> {
              HttpHeaders headers = new HttpHeaders();
              for (String name :
                  List.of(
                      HttpHeaders.CONTENT_TYPE,
                      HttpHeaders.CONTENT_DISPOSITION,
                      HttpHeaders.CONTENT_LENGTH)) {
                List<String> values = upstream.getHeaders().get(name);
                if (values != null) {
                  headers.put(name, values);
                }
              }
              return new ResponseEntity<>(upstream.getBody(), headers, upstream.getStatusCode());
            });
  }

  private Mono<Map<String, Object>> model(int year, ServerWebExchange exchange) {
    TimeSlice slice = TimeSlice.from(exchange.getRequest().getQueryParams());
    Mono<Totals> totals =
        clients
            .reporting()
            .get()
            .uri(
                slice
                    .withParameters(
                        UriComponentsBuilder.fromPath("/reports/totals").queryParam("year", year))
                    .build()
                    .toUriString())
            .retrieve()
            .bodyToMono(Totals.class);
    Mono<List<ReportedElsewhere>> elsewhere =
        forums.all(slice).map(list -> ReportedElsewhere.in(list.forums(), year));
    return Mono.zip(totals, elsewhere)
        .map(
            both -> {
              Map<String, Object> model = new LinkedHashMap<>();
              model.put("page", "overview");
              model.put("year", year);
              model.put("years", YEARS);
              model.put("totals", both.getT1());
              model.put("reportedElsewhere", both.getT2());
              model.put("chart", chartData(both.getT1()));
              return model;
            });
  }

  /** Area names and tkr per area, read by the page's chart script from a data attribute. */
  private String chartData(Totals totals) {
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("areas", totals.byArea().stream().map(Totals.Area::area).toList());
    chart.put("fees", tkr(totals.byArea().stream().map(Totals.Area::annualFeeTotal).toList()));
    chart.put(
        "otherCosts", tkr(totals.byArea().stream().map(Totals.Area::otherCostTotal).toList()));
    return json.writeValueAsString(chart);
  }

  private static List<BigDecimal> tkr(List<BigDecimal> sek) {
    return sek.stream().map(Amounts::tkrValue).toList();
  }

  private int year(String value) {
    if (value == null || !value.strip().matches("\\d{4}")) {
      return defaultYear;
    }
    return Integer.parseInt(value.strip());
  }
}
