package org.forumledger.registry.goal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.forumledger.events.CouncilGoalRegistered;
import org.forumledger.events.CouncilGoalRevised;
import org.forumledger.events.GoalEvent;
import org.forumledger.events.MandatePeriod;
import org.forumledger.events.SourceReference;
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
import org.forumledger.registry.goal.CouncilGoal.RecordCouncilGoalCommand;
import org.forumledger.registry.unit.UnitController.SourceRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The city council's goals of a mandate period. A first PUT registers (201), one that changes the
 * title, budget reference or source revises (200, If-Match required, 412 when stale), one with
 * another period is refused (422), the same again writes nothing. Registrars write; all read.
 */
@RestController
@RequestMapping("/goals")
public class GoalController {

  private final ForumCommandSender commands;
  private final IdempotentRequests idempotency;
  private final StoredStreams streams;
  private final Clock clock;

  public GoalController(
      ForumCommandSender commands,
      IdempotentRequests idempotency,
      StoredStreams streams,
      Clock clock) {
    this.commands = commands;
    this.idempotency = idempotency;
    this.streams = streams;
    this.clock = clock;
  }

  public record GoalView(
      String goalId,
      @Schema(example = "2023-2026") String period,
      String title,
      String budgetReference,
      SourceReference source,
      long version,
      Instant recordedAt) {}

  public record GoalRequest(
      @Schema(example = "2023-2026") @NotBlank @Size(max = 9) String period,
      @NotBlank @Size(max = 1000) String title,
      @Size(max = 300) String budgetReference,
      @Valid SourceRequest source,
      @JsonUnwrapped Provenance provenance)
      implements Write {}

  @GetMapping
  public Mono<List<GoalView>> list(@RequestParam(required = false) String period) {
    MandatePeriod only = period == null ? null : period(period, "period");
    return Mono.fromCallable(
            () ->
                streams.readAll(GoalEvent.STREAM_PREFIX, this::read).stream()
                    .filter(g -> only == null || g.period().equals(only.label()))
                    .toList())
        .subscribeOn(Schedulers.boundedElastic());
  }

  @GetMapping("/{goalId}")
  public Mono<ResponseEntity<GoalView>> get(@PathVariable String goalId) {
    return Mono.fromCallable(() -> withETag(ResponseEntity.ok(), view(goalId)))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @PutMapping("/{goalId}")
  public Mono<ResponseEntity<?>> record(
      @PathVariable String goalId, @Valid @RequestBody GoalRequest request, WriteRequest write) {
    if (!CouncilGoal.ID.matcher(goalId).matches()) {
      throw new InvalidRequestException(
          "goalId", "a goal id is 2 to 64 lower-case letters, digits or hyphens");
    }
    MandatePeriod period = period(request.period(), "period");
    SourceReference source = SourceRequest.toReference(request.source());
    Provenance provenance =
        Provenance.orDefaults(
            request.provenance(),
            LocalDate.now(clock),
            "Council goal " + goalId + " recorded",
            null);
    RecordCouncilGoalCommand command =
        RecordCouncilGoalCommand.of(
            write.expectedVersion(),
            goalId,
            period,
            request.title(),
            request.budgetReference(),
            source);
    return idempotency.execute(
        write,
        request,
        () -> {
          boolean existed = read(GoalEvent.streamIdOf(goalId)).isPresent();
          commands.sendAndWait(command, provenance, write);
          return withETag(
              existed
                  ? ResponseEntity.ok()
                  : ResponseEntity.created(URI.create("/goals/" + goalId)),
              view(goalId));
        });
  }

  /** A mandate period as people write it, 2023-2026; anything else is refused (400). */
  public static MandatePeriod period(String label, String field) {
    try {
      return MandatePeriod.parse(label);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, "a mandate period is written FROM-TO: 2023-2026");
    }
  }

  private GoalView view(String goalId) {
    return read(GoalEvent.streamIdOf(goalId))
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        ProblemType.NOT_FOUND, "No council goal " + goalId + " is registered")));
  }

  private Optional<GoalView> read(String streamId) {
    return streams
        .fold(
            streamId,
            (CouncilGoalRegistered goal, Object event) ->
                event instanceof CouncilGoalRegistered registered
                    ? registered
                    : event instanceof CouncilGoalRevised revised && goal != null
                        ? goal.revisedBy(revised)
                        : null)
        .map(
            v ->
                new GoalView(
                    v.state().goalId(),
                    v.state().period().label(),
                    v.state().title(),
                    v.state().budgetReference(),
                    v.state().source(),
                    v.version(),
                    v.recordedAt()));
  }

  private static ResponseEntity<GoalView> withETag(
      ResponseEntity.BodyBuilder builder, GoalView view) {
    return VersionTag.of(builder, view.version(), view);
  }
}
