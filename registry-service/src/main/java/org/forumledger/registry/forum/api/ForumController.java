package org.forumledger.registry.forum.api;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.forumledger.events.Body;
import org.forumledger.events.CostLine;
import org.forumledger.events.CountRange;
import org.forumledger.registry.forum.api.ForumRequests.AppointRequest;
import org.forumledger.registry.forum.api.ForumRequests.ChangeStatusRequest;
import org.forumledger.registry.forum.api.ForumRequests.EndAppointmentRequest;
import org.forumledger.registry.forum.api.ForumRequests.HeadcountRequest;
import org.forumledger.registry.forum.api.ForumRequests.OtherCostRequest;
import org.forumledger.registry.forum.api.ForumRequests.Provenance;
import org.forumledger.registry.forum.api.ForumRequests.Range;
import org.forumledger.registry.forum.api.ForumRequests.ReclassifyRequest;
import org.forumledger.registry.forum.api.ForumRequests.RegisterForumRequest;
import org.forumledger.registry.forum.api.ForumRequests.ReviseDetailsRequest;
import org.forumledger.registry.forum.api.ForumRequests.SetFeeRequest;
import org.forumledger.registry.forum.api.ForumRequests.WithdrawRequest;
import org.forumledger.registry.forum.domain.ForumCommands.AppointRepresentativeCommand;
import org.forumledger.registry.forum.domain.ForumCommands.ChangeForumStatusCommand;
import org.forumledger.registry.forum.domain.ForumCommands.EndAppointmentCommand;
import org.forumledger.registry.forum.domain.ForumCommands.ReclassifyForumCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RecordHeadcountCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RecordOtherCostCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RegisterForumCommand;
import org.forumledger.registry.forum.domain.ForumCommands.ReviseForumDetailsCommand;
import org.forumledger.registry.forum.domain.ForumCommands.SetAnnualFeeCommand;
import org.forumledger.registry.forum.domain.ForumCommands.WithdrawAnnualFeeCommand;
import org.forumledger.registry.forum.domain.ForumCommands.WithdrawOtherCostCommand;
import org.forumledger.registry.forum.view.ForumView;
import org.forumledger.registry.forum.view.ForumViewReader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The registry's API. Every write answers with the forum's new state and its {@code ETag}; a write
 * with a stale {@code If-Match} is refused with 412 and writes nothing.
 */
@RestController
@RequestMapping("/forums")
public class ForumController {

  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final String CORRELATION_ID = "X-Correlation-Id";

  private final ForumCommandSender commands;
  private final ForumViewReader views;
  private final IdempotentRequests idempotency;

  public ForumController(
      ForumCommandSender commands, ForumViewReader views, IdempotentRequests idempotency) {
    this.commands = commands;
    this.views = views;
    this.idempotency = idempotency;
  }

  @GetMapping("/{forumId}")
  public Mono<ResponseEntity<ForumView>> get(@PathVariable String forumId) {
    return view(forumId).map(view -> withETag(ResponseEntity.ok(), view));
  }

  @PostMapping
  public Mono<ResponseEntity<?>> register(
      @Valid @RequestBody RegisterForumRequest request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
    return idempotency.execute(
        idempotencyKey,
        "POST /forums " + ResponseBodies.json(request),
        () ->
            newForumId(idempotencyKey)
                .flatMap(
                    forumId ->
                        views(forumId)
                            // registered by an earlier try whose answer was lost: that forum is the
                            // result
                            .switchIfEmpty(
                                Mono.defer(
                                    () ->
                                        commands
                                            .send(
                                                register(forumId, request), request, correlationId)
                                            .then(view(forumId))))
                            .map(
                                view ->
                                    withETag(
                                        ResponseEntity.status(HttpStatus.CREATED)
                                            .location(URI.create("/forums/" + forumId)),
                                        view))));
  }

  /**
   * A new forum's id: random, or, when the client sent an Idempotency-Key, derived from the key and
   * the principal, so that a retry can never register the same forum twice.
   */
  private static Mono<String> newForumId(String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return Mono.just(UUID.randomUUID().toString());
    }
    return ReactiveSecurityContextHolder.getContext()
        .map(
            context ->
                UUID.nameUUIDFromBytes(
                        ("forum-ledger/registration/"
                                + context.getAuthentication().getName()
                                + "/"
                                + idempotencyKey)
                            .getBytes(StandardCharsets.UTF_8))
                    .toString());
  }

  private static RegisterForumCommand register(String forumId, RegisterForumRequest request) {
    return new RegisterForumCommand(
        forumId,
        request.inventoryReference(),
        request.name(),
        request.purpose(),
        request.area(),
        request.subarea(),
        request.kind(),
        request.collaborationType(),
        request.convener(),
        request.scope(),
        range(request.meetingsPerYear()),
        request.meetingMode());
  }

  @PutMapping("/{forumId}/details")
  public Mono<ResponseEntity<?>> reviseDetails(
      @PathVariable String forumId,
      @Valid @RequestBody ReviseDetailsRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
    return write(
        forumId,
        request,
        ifMatch,
        idempotencyKey,
        correlationId,
        "details",
        version ->
            new ReviseForumDetailsCommand(
                forumId,
                version,
                request.name(),
                request.purpose(),
                request.convener(),
                request.scope(),
                range(request.meetingsPerYear()),
                request.meetingMode()));
  }

  @PutMapping("/{forumId}/classification")
  public Mono<ResponseEntity<?>> reclassify(
      @PathVariable String forumId,
      @Valid @RequestBody ReclassifyRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
    return write(
        forumId,
        request,
        ifMatch,
        idempotencyKey,
        correlationId,
        "classification",
        version ->
            new ReclassifyForumCommand(
                forumId,
                version,
                request.area(),
                request.subarea(),
                request.kind(),
                request.collaborationType()));
  }

  @PutMapping("/{forumId}/status")
  public Mono<ResponseEntity<?>> changeStatus(
      @PathVariable String forumId,
      @Valid @RequestBody ChangeStatusRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
    return write(
        forumId,
        request,
        ifMatch,
        idempotencyKey,
        correlationId,
        "status",
        version ->
            new ChangeForumStatusCommand(
                forumId, version, request.status(), request.effectiveDate()));
  }

  @PostMapping("/{forumId}/representatives")
  public Mono<ResponseEntity<?>> appoint(
      @PathVariable String forumId,
      @Valid @RequestBody AppointRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
    String appointmentId =
        request.appointmentId() == null ? UUID.randomUUID().toString() : request.appointmentId();
    Long expectedVersion = expectedVersion(ifMatch);
    return idempotency.execute(
        idempotencyKey,
        "POST /forums/" + forumId + "/representatives " + ResponseBodies.json(request),
        () ->
            commands
                .send(
                    new AppointRepresentativeCommand(
                        forumId,
                        expectedVersion,
                        appointmentId,
                        request.personName(),
                        request.body(),
                        request.role(),
                        request.validFrom(),
                        request.validTo()),
                    request,
                    correlationId)
                .then(view(forumId))
                .map(
                    view ->
                        withETag(
                            ResponseEntity.status(HttpStatus.CREATED)
                                .location(
                                    URI.create(
                                        "/forums/"
                                            + forumId
                                            + "/representatives/"
                                            + appointmentId)),
                            view)));
  }

  @PutMapping("/{forumId}/representatives/{appointmentId}/ending")
  public Mono<ResponseEntity<?>> endAppointment(
      @PathVariable String forumId,
      @PathVariable String appointmentId,
      @Valid @RequestBody EndAppointmentRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
    return write(
        forumId,
        request,
        ifMatch,
        idempotencyKey,
        correlationId,
        "representatives/" + appointmentId + "/ending",
        version -> new EndAppointmentCommand(forumId, version, appointmentId, request.endedOn()));
  }

  @PutMapping("/{forumId}/headcounts/{year}/{body}")
  public Mono<ResponseEntity<?>> recordHeadcount(
      @PathVariable String forumId,
      @PathVariable int year,
      @PathVariable Body body,
      @Valid @RequestBody HeadcountRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
    return write(
        forumId,
        request,
        ifMatch,
        idempotencyKey,
        correlationId,
        "headcounts/" + year + "/" + body,
        version ->
            new RecordHeadcountCommand(
                forumId, version, year, body, range(request.headcount()), request.asWritten()));
  }

  @PutMapping("/{forumId}/fees/{fromYear}")
  public Mono<ResponseEntity<?>> setFee(
      @PathVariable String forumId,
      @PathVariable int fromYear,
      @Valid @RequestBody SetFeeRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
    return write(
        forumId,
        request,
        ifMatch,
        idempotencyKey,
        correlationId,
        "fees/" + fromYear,
        version ->
            new SetAnnualFeeCommand(
                forumId,
                version,
                fromYear,
                request.toYear(),
                request.status(),
                request.amount(),
                request.currency(),
                request.exchangeRate(),
                request.basis(),
                request.perInhabitantRateSek(),
                request.population(),
                request.projectTotalSek(),
                request.reportedUnder()));
  }

  @DeleteMapping("/{forumId}/fees/{fromYear}")
  public Mono<ResponseEntity<?>> withdrawFee(
      @PathVariable String forumId,
      @PathVariable int fromYear,
      @Valid @RequestBody WithdrawRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
    return write(
        forumId,
        request,
        ifMatch,
        idempotencyKey,
        correlationId,
        "fees/" + fromYear + " withdraw",
        version -> new WithdrawAnnualFeeCommand(forumId, version, fromYear));
  }

  @PutMapping("/{forumId}/other-costs/{year}")
  public Mono<ResponseEntity<?>> recordOtherCost(
      @PathVariable String forumId,
      @PathVariable int year,
      @Valid @RequestBody OtherCostRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
    List<CostLine> lines =
        request.lines() == null
            ? List.of()
            : request.lines().stream()
                .map(l -> new CostLine(l.category(), l.amountSek(), l.hours(), l.hourlyCostSek()))
                .toList();
    return write(
        forumId,
        request,
        ifMatch,
        idempotencyKey,
        correlationId,
        "other-costs/" + year,
        version ->
            new RecordOtherCostCommand(
                forumId, version, year, request.status(), lines, request.reportedUnder()));
  }

  @DeleteMapping("/{forumId}/other-costs/{year}")
  public Mono<ResponseEntity<?>> withdrawOtherCost(
      @PathVariable String forumId,
      @PathVariable int year,
      @Valid @RequestBody WithdrawRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestHeader(name = CORRELATION_ID, required = false) String correlationId) {
    return write(
        forumId,
        request,
        ifMatch,
        idempotencyKey,
        correlationId,
        "other-costs/" + year + " withdraw",
        version -> new WithdrawOtherCostCommand(forumId, version, year));
  }

  private Mono<ResponseEntity<?>> write(
      String forumId,
      Provenance request,
      String ifMatch,
      String idempotencyKey,
      String correlationId,
      String target,
      java.util.function.Function<Long, Object> command) {
    Long expectedVersion = expectedVersion(ifMatch);
    return idempotency.execute(
        idempotencyKey,
        "/forums/" + forumId + "/" + target + " " + ResponseBodies.json(request),
        // an unknown forum is refused by the aggregate's repository (404); no need to read it first
        () ->
            commands
                .send(command.apply(expectedVersion), request, correlationId)
                .then(view(forumId))
                .map(view -> withETag(ResponseEntity.ok(), view)));
  }

  private Mono<ForumView> views(String forumId) {
    return Mono.fromCallable(() -> views.read(forumId))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(Mono::justOrEmpty);
  }

  private Mono<ForumView> view(String forumId) {
    return Mono.fromCallable(() -> views.read(forumId))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            found ->
                found
                    .map(Mono::just)
                    .orElseGet(() -> Mono.error(new UnknownForumException(forumId))));
  }

  private static <T> ResponseEntity<T> withETag(ResponseEntity.BodyBuilder builder, T view) {
    long version = ((ForumView) view).version();
    return builder.eTag("\"" + version + "\"").body(view);
  }

  private static CountRange range(Range range) {
    return range == null ? null : new CountRange(range.min(), range.max());
  }

  /** The version named by {@code If-Match}, or null when the client did not ask for a check. */
  static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("If-Match", "not an ETag of this API: " + ifMatch);
    }
  }
}
