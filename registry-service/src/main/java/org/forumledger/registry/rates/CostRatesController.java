package org.forumledger.registry.rates;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.forumledger.events.CostRatesRecorded;
import org.forumledger.events.LedgerCalendar;
import org.forumledger.kit.problem.Problem;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;
import org.forumledger.registry.forum.api.ForumCommandSender;
import org.forumledger.registry.forum.api.ForumRequests.Provenance;
import org.forumledger.registry.forum.api.ForumRequests.Write;
import org.forumledger.registry.forum.api.IdempotentRequests;
import org.forumledger.registry.forum.api.InvalidRequestException;
import org.forumledger.registry.forum.api.VersionTag;
import org.forumledger.registry.forum.api.WriteRequest;
import org.forumledger.registry.forum.domain.CostRates.RecordCostRatesCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A year's cost rates, the recorded setting that prices participation: the average hourly salary,
 * the payroll overhead and any standard travel prices, each year with its source. Registrars record
 * them (If-Match and Idempotency-Key as every write); every role reads them.
 */
@RestController
@RequestMapping("/cost-rates")
public class CostRatesController {

  private final ForumCommandSender commands;
  private final IdempotentRequests idempotency;
  private final EventStore eventStore;
  private final JdbcTemplate jdbc;

  public CostRatesController(
      ForumCommandSender commands,
      IdempotentRequests idempotency,
      EventStore eventStore,
      JdbcTemplate jdbc) {
    this.commands = commands;
    this.idempotency = idempotency;
    this.eventStore = eventStore;
    this.jdbc = jdbc;
  }

  /** The current rates of a year, with their version (the ETag) and when they were recorded. */
  public record CostRatesView(
      int year,
      long version,
      BigDecimal hourlySalarySek,
      BigDecimal payrollOverheadPercent,
      @Schema(description = "hourlySalarySek × (1 + payrollOverheadPercent / 100)")
          BigDecimal hourlyCostSek,
      String source,
      List<CostRatesRecorded.TravelPrice> travelPrices,
      boolean correction,
      Instant recordedAt) {}

  public record TravelPriceRequest(
      @Schema(description = "e.g. Göteborg–Stockholm t/r") @NotBlank @Size(max = 200) String route,
      @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal priceSek) {}

  public record CostRatesRequest(
      @Schema(description = "Average hourly salary, SEK (e.g. of all permanent SLK employees)")
          @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @Digits(integer = 7, fraction = 2)
          BigDecimal hourlySalarySek,
      @Schema(description = "Payroll overhead (personalomkostnadspålägg) in percent: 46.36")
          @NotNull
          @DecimalMin("0")
          @Digits(integer = 3, fraction = 2)
          BigDecimal payrollOverheadPercent,
      @Schema(description = "Where the rates come from") @NotBlank @Size(max = 1000) String source,
      @Valid @Size(max = 20) List<@NotNull @Valid TravelPriceRequest> travelPrices,
      @JsonUnwrapped @Valid Provenance provenance)
      implements Write {}

  @GetMapping
  public Mono<List<CostRatesView>> list() {
    return Mono.fromCallable(
            () ->
                jdbc
                    .queryForList(
                        "select distinct aggregate_identifier from domain_event_entry"
                            + " where aggregate_identifier like ? order by aggregate_identifier",
                        String.class,
                        CostRatesRecorded.STREAM_PREFIX + "%")
                    .stream()
                    .map(this::read)
                    .flatMap(Optional::stream)
                    .toList())
        .subscribeOn(Schedulers.boundedElastic());
  }

  @GetMapping("/{year}")
  public Mono<ResponseEntity<CostRatesView>> get(@PathVariable int year) {
    return Mono.fromCallable(() -> withETag(ResponseEntity.ok(), view(inCalendar(year))))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** Records a year's rates; different rates for a year already recorded correct them. */
  @PutMapping("/{year}")
  public Mono<ResponseEntity<?>> record(
      @PathVariable int year, @Valid @RequestBody CostRatesRequest request, WriteRequest write) {
    int y = inCalendar(year);
    List<CostRatesRecorded.TravelPrice> travel =
        request.travelPrices() == null
            ? List.of()
            : request.travelPrices().stream()
                .map(p -> new CostRatesRecorded.TravelPrice(p.route(), p.priceSek()))
                .toList();
    RecordCostRatesCommand command =
        RecordCostRatesCommand.of(
            write.expectedVersion(),
            y,
            request.hourlySalarySek(),
            request.payrollOverheadPercent(),
            request.source(),
            travel);
    return idempotency.execute(
        write,
        request,
        () -> {
          commands.sendAndWait(command, request.provenance(), write);
          return withETag(ResponseEntity.ok(), view(y));
        });
  }

  private CostRatesView view(int year) {
    return read(CostRatesRecorded.streamIdOf(year))
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(ProblemType.NOT_FOUND, "No cost rates are recorded for " + year)));
  }

  private Optional<CostRatesView> read(String streamId) {
    DomainEventStream stream = eventStore.readEvents(streamId, 0);
    CostRatesRecorded current = null;
    long version = -1;
    Instant recordedAt = null;
    while (stream.hasNext()) {
      DomainEventMessage<?> message = stream.next();
      if (message.getPayload() instanceof CostRatesRecorded rates) {
        current = rates;
        version = message.getSequenceNumber();
        recordedAt = message.getTimestamp();
      }
    }
    if (current == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CostRatesView(
            current.year(),
            version,
            current.hourlySalarySek(),
            current.payrollOverheadPercent(),
            current.hourlyCostSek(),
            current.source(),
            current.travelPrices(),
            current.correction(),
            recordedAt));
  }

  private static int inCalendar(int year) {
    if (!LedgerCalendar.accepts(year)) {
      throw new InvalidRequestException("year", LedgerCalendar.yearRule("the year in the path"));
    }
    return year;
  }

  private static ResponseEntity<CostRatesView> withETag(
      ResponseEntity.BodyBuilder builder, CostRatesView view) {
    return VersionTag.of(builder, view.version(), view);
  }
}
