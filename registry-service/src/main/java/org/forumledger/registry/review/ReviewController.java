package org.forumledger.registry.review;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.forumledger.events.Body;
import org.forumledger.events.CourseOfAction;
import org.forumledger.events.MetadataKeys;
import org.forumledger.events.Necessity;
import org.forumledger.events.ParticipationAssessed;
import org.forumledger.events.ParticipationRef;
import org.forumledger.events.ReviewClosed;
import org.forumledger.events.ReviewDecisionRecorded;
import org.forumledger.events.ReviewEvent;
import org.forumledger.events.ReviewOpened;
import org.forumledger.kit.problem.Problem;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;
import org.forumledger.registry.forum.api.ForumCommandSender;
import org.forumledger.registry.forum.api.ForumRequests.Provenance;
import org.forumledger.registry.forum.api.ForumRequests.Write;
import org.forumledger.registry.forum.api.IdempotentRequests;
import org.forumledger.registry.forum.api.InvalidRequestException;
import org.forumledger.registry.forum.api.StoredStreams;
import org.forumledger.registry.forum.api.VersionTag;
import org.forumledger.registry.forum.api.WriteRequest;
import org.forumledger.registry.goal.GoalController;
import org.forumledger.registry.review.Review.AssessParticipationCommand;
import org.forumledger.registry.review.Review.CloseReviewCommand;
import org.forumledger.registry.review.Review.OpenReviewCommand;
import org.forumledger.registry.review.Review.RecordDecisionCommand;
import org.springframework.http.ResponseEntity;
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
 * Review rounds: opened with the scope the registry finds, each participation assessed by the
 * reviewer signed in, decisions recorded when taken, closed once every participation in scope is
 * assessed (422 with {@code missing} before). Writes take If-Match (the review's version) and an
 * Idempotency-Key as every write; registrars write, every role reads.
 */
@RestController
@RequestMapping("/reviews")
public class ReviewController {

  private final ForumCommandSender commands;
  private final IdempotentRequests idempotency;
  private final StoredStreams streams;
  private final Clock clock;

  public ReviewController(
      ForumCommandSender commands,
      IdempotentRequests idempotency,
      StoredStreams streams,
      Clock clock) {
    this.commands = commands;
    this.idempotency = idempotency;
    this.streams = streams;
    this.clock = clock;
  }

  public enum Status {
    OPEN,
    CLOSED
  }

  public record Assessment(
      Necessity necessity,
      String rationale,
      List<String> goalIds,
      CourseOfAction recommendation,
      String assessedBy,
      Instant assessedAt) {}

  public record Decision(
      CourseOfAction decision,
      String decisionReference,
      LocalDate decidedOn,
      List<Body> remainingUnits) {}

  public record ScopeEntry(String forumId, Body body, Assessment assessment, Decision decision) {}

  public record ReviewView(
      String reviewId,
      String title,
      @Schema(example = "2023-2026") String period,
      String decisionReference,
      LocalDate openedOn,
      List<Body> units,
      Status status,
      LocalDate closedOn,
      long version,
      List<ScopeEntry> scope,
      List<ParticipationRef> missing) {}

  public record OpenReviewRequest(
      @NotBlank @Size(max = 64) String reviewId,
      @NotBlank @Size(max = 300) String title,
      @Schema(example = "2023-2026") @NotBlank @Size(max = 9) String period,
      @NotBlank @Size(max = 200) String decisionReference,
      @NotNull LocalDate openedOn,
      @Size(max = 200) List<@NotNull Body> units,
      @JsonUnwrapped Provenance provenance)
      implements Write {}

  public record CourseRequest(
      @NotNull CourseOfAction.Kind kind,
      LocalDate leaveFrom,
      Body coordinateWith,
      @Size(max = 64) String mergeWithForumId) {
    CourseOfAction course() {
      return new CourseOfAction(kind, leaveFrom, coordinateWith, mergeWithForumId);
    }
  }

  public record AssessmentRequest(
      @NotNull Necessity necessity,
      @NotBlank @Size(max = 4000) String rationale,
      @Size(max = 50) List<@NotBlank @Size(max = 64) String> goalIds,
      @NotNull @Valid CourseRequest recommendation,
      @JsonUnwrapped Provenance provenance)
      implements Write {}

  public record DecisionRequest(
      @NotNull @Valid CourseRequest decision,
      @NotBlank @Size(max = 200) String decisionReference,
      @NotNull LocalDate decidedOn,
      @JsonUnwrapped Provenance provenance)
      implements Write {}

  public record CloseRequest(@NotNull LocalDate closedOn, @JsonUnwrapped Provenance provenance)
      implements Write {}

  @GetMapping
  public Mono<List<ReviewView>> list() {
    return Mono.fromCallable(() -> streams.readAll(ReviewEvent.STREAM_PREFIX, this::read))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @GetMapping("/{reviewId}")
  public Mono<ResponseEntity<ReviewView>> get(@PathVariable String reviewId) {
    return Mono.fromCallable(() -> withETag(ResponseEntity.ok(), view(reviewId)))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** Opens a review; its scope is what the registry finds taking part in the period. */
  @PostMapping
  public Mono<ResponseEntity<?>> open(
      @Valid @RequestBody OpenReviewRequest request, WriteRequest write) {
    if (!Review.ID.matcher(request.reviewId()).matches()) {
      throw new InvalidRequestException(
          "reviewId", "a review id is 2 to 64 lower-case letters, digits or hyphens");
    }
    OpenReviewCommand command =
        OpenReviewCommand.of(
            request.reviewId(),
            request.title(),
            GoalController.period(request.period(), "period"),
            request.decisionReference(),
            request.openedOn(),
            request.units());
    Provenance provenance =
        Provenance.orDefaults(
            request.provenance(),
            request.openedOn(),
            "Review " + request.reviewId() + " opened",
            request.decisionReference());
    return idempotency.execute(
        write,
        request,
        () -> {
          if (read(ReviewEvent.streamIdOf(request.reviewId())).isPresent()) {
            throw new ProblemException(
                Problem.of(
                    ProblemType.RULE_BROKEN,
                    "A review " + request.reviewId() + " is already opened; choose another id"));
          }
          commands.sendAndWait(command, provenance, write);
          return withETag(
              ResponseEntity.created(URI.create("/reviews/" + request.reviewId())),
              view(request.reviewId()));
        });
  }

  @PutMapping("/{reviewId}/assessments/{forumId}/{body}")
  public Mono<ResponseEntity<?>> assess(
      @PathVariable String reviewId,
      @PathVariable String forumId,
      @PathVariable Body body,
      @Valid @RequestBody AssessmentRequest request,
      WriteRequest write) {
    ParticipationRef participation = new ParticipationRef(forumId, body);
    Object command =
        new AssessParticipationCommand(
            ReviewEvent.streamIdOf(reviewId),
            write.expectedVersion(),
            participation,
            request.necessity(),
            request.rationale(),
            request.goalIds(),
            request.recommendation().course());
    Provenance provenance =
        Provenance.orDefaults(
            request.provenance(),
            LocalDate.now(clock),
            "Participation " + participation + " assessed in review " + reviewId,
            null);
    return write(reviewId, request, write, command, provenance);
  }

  @PutMapping("/{reviewId}/decisions/{forumId}/{body}")
  public Mono<ResponseEntity<?>> decide(
      @PathVariable String reviewId,
      @PathVariable String forumId,
      @PathVariable Body body,
      @Valid @RequestBody DecisionRequest request,
      WriteRequest write) {
    ParticipationRef participation = new ParticipationRef(forumId, body);
    Object command =
        new RecordDecisionCommand(
            ReviewEvent.streamIdOf(reviewId),
            write.expectedVersion(),
            participation,
            request.decision().course(),
            request.decisionReference(),
            request.decidedOn());
    Provenance provenance =
        Provenance.orDefaults(
            request.provenance(),
            request.decidedOn(),
            "Decision on " + participation + " recorded in review " + reviewId,
            request.decisionReference());
    return write(reviewId, request, write, command, provenance);
  }

  @PostMapping("/{reviewId}/close")
  public Mono<ResponseEntity<?>> close(
      @PathVariable String reviewId, @Valid @RequestBody CloseRequest request, WriteRequest write) {
    Object command =
        new CloseReviewCommand(
            ReviewEvent.streamIdOf(reviewId), write.expectedVersion(), request.closedOn());
    Provenance provenance =
        Provenance.orDefaults(
            request.provenance(), request.closedOn(), "Review " + reviewId + " closed", null);
    return write(reviewId, request, write, command, provenance);
  }

  private Mono<ResponseEntity<?>> write(
      String reviewId, Write request, WriteRequest write, Object command, Provenance provenance) {
    return idempotency.execute(
        write,
        request,
        () -> {
          view(reviewId); // an unknown review is 404 before any command loads it
          commands.sendAndWait(command, provenance, write);
          return withETag(ResponseEntity.ok(), view(reviewId));
        });
  }

  private ReviewView view(String reviewId) {
    return read(ReviewEvent.streamIdOf(reviewId))
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(ProblemType.NOT_FOUND, "No review " + reviewId + " is opened")));
  }

  private Optional<ReviewView> read(String streamId) {
    List<DomainEventMessage<?>> messages = streams.read(streamId);
    if (messages.isEmpty() || !(messages.get(0).getPayload() instanceof ReviewOpened opened)) {
      return Optional.empty();
    }
    Map<ParticipationRef, Assessment> assessments = new LinkedHashMap<>();
    Map<ParticipationRef, Decision> decisions = new LinkedHashMap<>();
    LocalDate closedOn = null;
    long version = -1;
    for (DomainEventMessage<?> message : messages) {
      version = message.getSequenceNumber();
      Object event = message.getPayload();
      if (event instanceof ParticipationAssessed a) {
        assessments.put(
            a.participation(),
            new Assessment(
                a.necessity(),
                a.rationale(),
                a.goalIds(),
                a.recommendation(),
                (String) message.getMetaData().get(MetadataKeys.ACTOR),
                message.getTimestamp()));
      } else if (event instanceof ReviewDecisionRecorded d) {
        decisions.put(
            d.participation(),
            new Decision(d.decision(), d.decisionReference(), d.decidedOn(), d.remainingUnits()));
      } else if (event instanceof ReviewClosed c) {
        closedOn = c.closedOn();
      }
    }
    List<ScopeEntry> scope = new ArrayList<>();
    List<ParticipationRef> missing = new ArrayList<>();
    for (ParticipationRef p : opened.scope()) {
      scope.add(new ScopeEntry(p.forumId(), p.body(), assessments.get(p), decisions.get(p)));
      if (!assessments.containsKey(p)) {
        missing.add(p);
      }
    }
    return Optional.of(
        new ReviewView(
            opened.reviewId(),
            opened.title(),
            opened.period().label(),
            opened.decisionReference(),
            opened.openedOn(),
            opened.units(),
            closedOn == null ? Status.OPEN : Status.CLOSED,
            closedOn,
            version,
            scope,
            missing));
  }

  private static ResponseEntity<ReviewView> withETag(
      ResponseEntity.BodyBuilder builder, ReviewView view) {
    return VersionTag.of(builder, view.version(), view);
  }
}
