package org.forumledger.registry.forum.api;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.forumledger.events.Body;
import org.forumledger.events.LedgerCalendar;
import org.forumledger.registry.forum.api.ForumRequests.AppointRequest;
import org.forumledger.registry.forum.api.ForumRequests.ChangeStatusRequest;
import org.forumledger.registry.forum.api.ForumRequests.EndAppointmentRequest;
import org.forumledger.registry.forum.api.ForumRequests.GoalsLinkRequest;
import org.forumledger.registry.forum.api.ForumRequests.HeadcountRequest;
import org.forumledger.registry.forum.api.ForumRequests.OtherCostRequest;
import org.forumledger.registry.forum.api.ForumRequests.ParticipationRequest;
import org.forumledger.registry.forum.api.ForumRequests.Provenance;
import org.forumledger.registry.forum.api.ForumRequests.ReclassifyRequest;
import org.forumledger.registry.forum.api.ForumRequests.RegisterForumRequest;
import org.forumledger.registry.forum.api.ForumRequests.ReviseDetailsRequest;
import org.forumledger.registry.forum.api.ForumRequests.SetFeeRequest;
import org.forumledger.registry.forum.api.ForumRequests.WithdrawRequest;
import org.forumledger.registry.forum.api.ForumRequests.Write;
import org.forumledger.registry.forum.domain.ForumCommands.LinkGoalsCommand;
import org.forumledger.registry.forum.domain.ForumCommands.WithdrawAnnualFeeCommand;
import org.forumledger.registry.forum.domain.ForumCommands.WithdrawOtherCostCommand;
import org.forumledger.registry.forum.domain.ForumCommands.WithdrawParticipationCommand;
import org.forumledger.registry.forum.view.ForumView;
import org.forumledger.registry.forum.view.ForumViewReader;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The registry's API. Every write answers with the forum's new state and its {@code ETag}; a write
 * with a stale {@code If-Match} is refused with 412 and writes nothing. The headers every write
 * takes arrive as one {@link WriteRequest}.
 */
@RestController
@RequestMapping("/forums")
public class ForumController {

  private final ForumCommandSender commands;
  private final ForumViewReader views;
  private final IdempotentRequests idempotency;
  private final ProducedEvents produced;

  private final Clock clock;

  public ForumController(
      ForumCommandSender commands,
      ForumViewReader views,
      IdempotentRequests idempotency,
      ProducedEvents produced,
      Clock clock) {
    this.commands = commands;
    this.views = views;
    this.idempotency = idempotency;
    this.produced = produced;
    this.clock = clock;
  }

  @GetMapping("/{forumId}")
  public Mono<ResponseEntity<ForumView>> get(@PathVariable String forumId) {
    return Mono.fromCallable(() -> withETag(ResponseEntity.ok(), view(forumId)))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @PostMapping
  public Mono<ResponseEntity<?>> register(
      @Valid @RequestBody RegisterForumRequest request, WriteRequest write) {
    String forumId = newForumId(write);
    return idempotency.executeOnce(
        write,
        request,
        claimTakenOver -> {
          // registered by an earlier try whose answer was lost: that forum is the result. Only a
          // claim taken over can be such a try's; a new key's forum id is new.
          ForumView registered =
              (claimTakenOver ? views.read(forumId) : Optional.<ForumView>empty())
                  .orElseGet(
                      () -> send(forumId, request.command(forumId), request.provenance(), write));
          return withETag(ResponseEntity.created(forumUri(forumId, "")), registered);
        });
  }

  /**
   * A new forum's id: random, or, when the client sent an Idempotency-Key, derived from the key and
   * the principal, so that a retry can never register the same forum twice.
   */
  private static String newForumId(WriteRequest write) {
    return newId("registration", write);
  }

  private static String newId(String kind, WriteRequest write) {
    if (!write.idempotent()) {
      return UUID.randomUUID().toString();
    }
    String name = "forum-ledger/" + kind + "/" + write.actor() + "/" + write.idempotencyKey();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  @PutMapping("/{forumId}/details")
  public Mono<ResponseEntity<?>> reviseDetails(
      @PathVariable String forumId,
      @Valid @RequestBody ReviseDetailsRequest request,
      WriteRequest write) {
    return update(forumId, request, write, request.command(forumId, write.expectedVersion()));
  }

  @PutMapping("/{forumId}/classification")
  public Mono<ResponseEntity<?>> reclassify(
      @PathVariable String forumId,
      @Valid @RequestBody ReclassifyRequest request,
      WriteRequest write) {
    return update(forumId, request, write, request.command(forumId, write.expectedVersion()));
  }

  @PutMapping("/{forumId}/status")
  public Mono<ResponseEntity<?>> changeStatus(
      @PathVariable String forumId,
      @Valid @RequestBody ChangeStatusRequest request,
      WriteRequest write) {
    return update(forumId, request, write, request.command(forumId, write.expectedVersion()));
  }

  @PostMapping("/{forumId}/representatives")
  public Mono<ResponseEntity<?>> appoint(
      @PathVariable String forumId,
      @Valid @RequestBody AppointRequest request,
      WriteRequest write) {
    String appointmentId =
        request.appointmentId() == null ? UUID.randomUUID().toString() : request.appointmentId();
    Object command = request.command(forumId, write.expectedVersion(), appointmentId);
    URI location = forumUri(forumId, "/representatives/" + appointmentId);
    return apply(forumId, request, write, command, ResponseEntity.created(location));
  }

  @PutMapping("/{forumId}/representatives/{appointmentId}/ending")
  public Mono<ResponseEntity<?>> endAppointment(
      @PathVariable String forumId,
      @PathVariable String appointmentId,
      @Valid @RequestBody EndAppointmentRequest request,
      WriteRequest write) {
    Object command = request.command(forumId, write.expectedVersion(), appointmentId);
    return update(forumId, request, write, command);
  }

  @PutMapping("/{forumId}/headcounts/{year}/{body}")
  public Mono<ResponseEntity<?>> recordHeadcount(
      @PathVariable String forumId,
      @PathVariable int year,
      @PathVariable Body body,
      @Valid @RequestBody HeadcountRequest request,
      WriteRequest write) {
    Object command =
        request.command(forumId, write.expectedVersion(), inCalendar(year, "year"), body);
    return update(forumId, request, write, command);
  }

  @PutMapping("/{forumId}/fees/{fromYear}")
  public Mono<ResponseEntity<?>> setFee(
      @PathVariable String forumId,
      @PathVariable int fromYear,
      @Valid @RequestBody SetFeeRequest request,
      WriteRequest write) {
    Object command =
        request.command(forumId, write.expectedVersion(), inCalendar(fromYear, "fromYear"));
    return update(forumId, request, write, command);
  }

  @DeleteMapping("/{forumId}/fees/{fromYear}")
  public Mono<ResponseEntity<?>> withdrawFee(
      @PathVariable String forumId,
      @PathVariable int fromYear,
      @Valid @RequestBody WithdrawRequest request,
      WriteRequest write) {
    Object command =
        new WithdrawAnnualFeeCommand(
            forumId, write.expectedVersion(), inCalendar(fromYear, "fromYear"));
    return update(forumId, request, write, command);
  }

  @PutMapping("/{forumId}/other-costs/{year}")
  public Mono<ResponseEntity<?>> recordOtherCost(
      @PathVariable String forumId,
      @PathVariable int year,
      @Valid @RequestBody OtherCostRequest request,
      WriteRequest write) {
    Object command = request.command(forumId, write.expectedVersion(), inCalendar(year, "year"));
    return update(forumId, request, write, command);
  }

  @DeleteMapping("/{forumId}/other-costs/{year}")
  public Mono<ResponseEntity<?>> withdrawOtherCost(
      @PathVariable String forumId,
      @PathVariable int year,
      @Valid @RequestBody WithdrawRequest request,
      WriteRequest write) {
    Object command =
        new WithdrawOtherCostCommand(forumId, write.expectedVersion(), inCalendar(year, "year"));
    return update(forumId, request, write, command);
  }

  /**
   * Records a meeting the city took part in; the registry chooses its id (from the Idempotency-Key
   * when one is sent, so a retry records it once) and answers 201 with its place.
   */
  @PostMapping("/{forumId}/participations")
  public Mono<ResponseEntity<?>> recordParticipation(
      @PathVariable String forumId,
      @Valid @RequestBody ParticipationRequest request,
      WriteRequest write) {
    String participationId = newId("participation/" + forumId, write);
    Object command = request.command(forumId, write.expectedVersion(), participationId, false);
    URI location = forumUri(forumId, "/participations/" + participationId);
    return apply(forumId, request, write, command, ResponseEntity.created(location));
  }

  /** Corrects a recorded meeting: a new record replaces it, the history keeps both. */
  @PutMapping("/{forumId}/participations/{participationId}")
  public Mono<ResponseEntity<?>> correctParticipation(
      @PathVariable String forumId,
      @PathVariable String participationId,
      @Valid @RequestBody ParticipationRequest request,
      WriteRequest write) {
    Object command = request.command(forumId, write.expectedVersion(), participationId, true);
    return update(forumId, request, write, command);
  }

  @DeleteMapping("/{forumId}/participations/{participationId}")
  public Mono<ResponseEntity<?>> withdrawParticipation(
      @PathVariable String forumId,
      @PathVariable String participationId,
      @Valid @RequestBody WithdrawRequest request,
      WriteRequest write) {
    Object command =
        new WithdrawParticipationCommand(forumId, write.expectedVersion(), participationId);
    return update(forumId, request, write, command);
  }

  /**
   * States the goals a unit's participation serves and its benefit to residents; a later statement
   * for the same unit replaces it. The effective date and reason default to today and a
   * description.
   */
  @PutMapping("/{forumId}/goals/{body}")
  public Mono<ResponseEntity<?>> linkGoals(
      @PathVariable String forumId,
      @PathVariable Body body,
      @Valid @RequestBody GoalsLinkRequest request,
      WriteRequest write) {
    Provenance provenance =
        Provenance.orDefaults(
            request.provenance(),
            LocalDate.now(clock),
            "Goals served by " + body + "'s participation stated",
            null);
    Object command =
        new LinkGoalsCommand(
            forumId,
            write.expectedVersion(),
            body,
            request.goalIds(),
            request.benefitForResidents());
    // the request as sent is what its Idempotency-Key is kept for; the defaults are the server's
    return apply(forumId, request, provenance, write, command, ResponseEntity.ok());
  }

  private Mono<ResponseEntity<?>> update(
      String forumId, Write request, WriteRequest write, Object command) {
    return apply(forumId, request, write, command, ResponseEntity.ok());
  }

  /**
   * Sends the command once per Idempotency-Key and answers with the forum's new state. An unknown
   * forum is refused by the aggregate's repository (404); no need to read it first.
   */
  private Mono<ResponseEntity<?>> apply(
      String forumId,
      Write request,
      WriteRequest write,
      Object command,
      ResponseEntity.BodyBuilder answer) {
    return apply(forumId, request, request.provenance(), write, command, answer);
  }

  private Mono<ResponseEntity<?>> apply(
      String forumId,
      Write request,
      Provenance provenance,
      WriteRequest write,
      Object command,
      ResponseEntity.BodyBuilder answer) {
    if (StoredStreams.notAForum(forumId)) {
      // another kind of stream in the same store: no forum command may load it
      return Mono.error(new UnknownForumException(forumId));
    }
    return idempotency.execute(
        write, request, () -> withETag(answer, send(forumId, command, provenance, write)));
  }

  /**
   * Sends the command and answers the forum's state after it, folded from the events it applied
   * onto the state before them when the registry keeps that ({@link ForumViewReader#afterWrite}).
   */
  private ForumView send(
      String forumId, Object command, Provenance provenance, WriteRequest write) {
    return views
        .afterWrite(forumId, produced.of(() -> commands.sendAndWait(command, provenance, write)))
        .orElseThrow(() -> new UnknownForumException(forumId));
  }

  /** A year of the path, refused (400) outside the ledger's calendar like a year of the body. */
  private static int inCalendar(int year, String field) {
    if (!LedgerCalendar.accepts(year)) {
      throw new InvalidRequestException(field, LedgerCalendar.yearRule("the year in the path"));
    }
    return year;
  }

  private static URI forumUri(String forumId, String rest) {
    return URI.create("/forums/" + forumId + rest);
  }

  private ForumView view(String forumId) {
    return views.read(forumId).orElseThrow(() -> new UnknownForumException(forumId));
  }

  private static ResponseEntity<ForumView> withETag(
      ResponseEntity.BodyBuilder builder, ForumView view) {
    return VersionTag.of(builder, view.version(), view);
  }
}
