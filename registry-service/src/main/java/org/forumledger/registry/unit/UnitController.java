package org.forumledger.registry.unit;

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
import java.util.List;
import java.util.Optional;
import org.forumledger.events.Body;
import org.forumledger.events.SourceReference;
import org.forumledger.events.UnitEvent;
import org.forumledger.events.UnitKind;
import org.forumledger.events.UnitRegistered;
import org.forumledger.events.UnitRevised;
import org.forumledger.kit.problem.Problem;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;
import org.forumledger.registry.forum.api.ForumCommandSender;
import org.forumledger.registry.forum.api.ForumRequests.Provenance;
import org.forumledger.registry.forum.api.ForumRequests.Write;
import org.forumledger.registry.forum.api.IdempotentRequests;
import org.forumledger.registry.forum.api.StoredStreams;
import org.forumledger.registry.forum.api.VersionTag;
import org.forumledger.registry.forum.api.WriteRequest;
import org.forumledger.registry.unit.Unit.RecordUnitCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The organisational units: committees, administrations and companies, by code. A first PUT
 * registers (201), a PUT that changes a unit revises it (200, If-Match required, 412 when stale),
 * the same PUT again writes nothing (200). Registrars write; every role reads.
 */
@RestController
@RequestMapping("/units")
public class UnitController {

  private final ForumCommandSender commands;
  private final IdempotentRequests idempotency;
  private final StoredStreams streams;
  private final Clock clock;

  public UnitController(
      ForumCommandSender commands,
      IdempotentRequests idempotency,
      StoredStreams streams,
      Clock clock) {
    this.commands = commands;
    this.idempotency = idempotency;
    this.streams = streams;
    this.clock = clock;
  }

  /** A unit as it now stands, with its version (the ETag). */
  public record UnitView(
      Body unit,
      String name,
      UnitKind kind,
      Body partOf,
      LocalDate validFrom,
      LocalDate validTo,
      SourceReference source,
      long version,
      Instant recordedAt) {}

  public record SourceRequest(
      @NotBlank @Size(max = 300) String document, @NotBlank @Size(max = 2000) String phrase) {

    /** The reference a request names, or null when it names none. */
    public static SourceReference toReference(SourceRequest source) {
      return source == null ? null : new SourceReference(source.document(), source.phrase());
    }
  }

  public record UnitRequest(
      @Schema(description = "e.g. miljö- och klimatnämnden") @NotBlank @Size(max = 300) String name,
      @NotNull UnitKind kind,
      @Schema(description = "The code of the unit it belongs to") Body partOf,
      LocalDate validFrom,
      LocalDate validTo,
      @Valid SourceRequest source,
      @JsonUnwrapped Provenance provenance)
      implements Write {}

  @GetMapping
  public Mono<List<UnitView>> list() {
    return Mono.fromCallable(() -> streams.readAll(UnitEvent.STREAM_PREFIX, this::read))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @GetMapping("/{code}")
  public Mono<ResponseEntity<UnitView>> get(@PathVariable Body code) {
    return Mono.fromCallable(() -> withETag(ResponseEntity.ok(), view(code)))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @PutMapping("/{code}")
  public Mono<ResponseEntity<?>> record(
      @PathVariable Body code, @Valid @RequestBody UnitRequest request, WriteRequest write) {
    SourceReference source = SourceRequest.toReference(request.source());
    Provenance provenance =
        Provenance.orDefaults(
            request.provenance(),
            request.validFrom() == null ? LocalDate.now(clock) : request.validFrom(),
            "Unit " + code + " recorded",
            null);
    RecordUnitCommand command =
        RecordUnitCommand.of(
            write.expectedVersion(),
            code,
            request.name(),
            request.kind(),
            request.partOf(),
            request.validFrom(),
            request.validTo(),
            source);
    return idempotency.execute(
        write,
        request,
        () -> {
          boolean existed = read(UnitEvent.streamIdOf(code)).isPresent();
          commands.sendAndWait(command, provenance, write);
          UnitView view = view(code);
          return withETag(
              existed
                  ? ResponseEntity.ok()
                  : ResponseEntity.created(URI.create("/units/" + code.code())),
              view);
        });
  }

  private UnitView view(Body code) {
    return read(UnitEvent.streamIdOf(code))
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(ProblemType.NOT_FOUND, "No unit " + code + " is registered")));
  }

  private Optional<UnitView> read(String streamId) {
    return streams
        .fold(
            streamId,
            (UnitRegistered unit, Object event) ->
                event instanceof UnitRegistered registered
                    ? registered
                    : event instanceof UnitRevised revised && unit != null
                        ? unit.revisedBy(revised)
                        : null)
        .map(
            v ->
                new UnitView(
                    v.state().unit(),
                    v.state().name(),
                    v.state().kind(),
                    v.state().partOf(),
                    v.state().validFrom(),
                    v.state().validTo(),
                    v.state().source(),
                    v.version(),
                    v.recordedAt()));
  }

  private static ResponseEntity<UnitView> withETag(
      ResponseEntity.BodyBuilder builder, UnitView view) {
    return VersionTag.of(builder, view.version(), view);
  }
}
