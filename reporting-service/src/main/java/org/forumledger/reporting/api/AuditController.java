package org.forumledger.reporting.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.forumledger.events.EventJson;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.reporting.audit.AuditEntry;
import org.forumledger.reporting.audit.AuditLog;
import org.forumledger.reporting.audit.AuditQuery;
import org.forumledger.reporting.audit.AuditVerification;
import org.forumledger.reporting.audit.CheckpointCheck;
import org.forumledger.reporting.reconciliation.RegistryServiceProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The audit history and its verification; for auditors only (see the security configuration). */
@RestController
public class AuditController {

  private static final String NDJSON = "application/x-ndjson";
  private static final int EXPORT_PAGE = 1_000;
  private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

  private final AuditLog audit;
  private final KeyRing registryKeys;
  private final WebClient registry;

  public AuditController(
      AuditLog audit, KeyRing registryKeys, RegistryServiceProperties registryService) {
    this.audit = audit;
    this.registryKeys = registryKeys;
    this.registry = WebClient.builder().baseUrl(registryService.url()).build();
  }

  public record Entry(
      long seq,
      String eventId,
      String forumId,
      String eventType,
      int eventVersion,
      long globalPosition,
      Instant recordedAt,
      LocalDate effectiveDate,
      String actor,
      String reason,
      String decisionReference,
      String correlationId,
      Map<String, Object> payload,
      String prevHash,
      String hash,
      Long chainSequence,
      String registryHash,
      String keyId,
      String signature) {}

  @GetMapping("/audit")
  public Mono<List<Entry>> entries(
      @RequestParam(required = false) String forumId,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String limit) {
    AuditQuery query =
        new AuditQuery(
            blankToNull(forumId),
            blankToNull(actor),
            Params.instantOrDate("from", from, false),
            Params.instantOrDate("to", to, true),
            limit(limit));
    return Mono.fromCallable(() -> audit.find(query).stream().map(AuditController::entry).toList())
        .subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * Walks the history (see {@link AuditLog#verify}) and holds it against the registry's latest
   * signed checkpoint, read with the caller's own credentials.
   */
  @GetMapping("/audit/verify")
  public Mono<AuditVerification> verify(
      @RequestHeader(HttpHeaders.AUTHORIZATION) String credentials) {
    Mono<Optional<CheckpointCheck.Signed>> latest =
        registry
            .get()
            .uri("/checkpoints/latest")
            .header(HttpHeaders.AUTHORIZATION, credentials)
            .retrieve()
            .bodyToMono(CheckpointCheck.Signed.class)
            .map(Optional::of)
            .onErrorResume(
                WebClientResponseException.NotFound.class, none -> Mono.just(Optional.empty()));
    return latest
        .flatMap(
            checkpoint ->
                Mono.fromCallable(
                        () -> {
                          AuditVerification walked = audit.verify(registryKeys);
                          return checkpoint
                              .map(
                                  c ->
                                      walked.with(
                                          CheckpointCheck.of(
                                              c,
                                              registryKeys,
                                              audit.registryHashAt(c.chainSequence()))))
                              .orElse(walked);
                        })
                    .subscribeOn(Schedulers.boundedElastic()))
        .onErrorResume(
            WebClientException.class,
            away ->
                Mono.fromCallable(
                        () ->
                            audit
                                .verify(registryKeys)
                                .with(
                                    CheckpointCheck.unavailable(
                                        "the registry did not answer: " + away.getMessage())))
                    .subscribeOn(Schedulers.boundedElastic()));
  }

  /**
   * The history as the registry sealed it, one record per line (JSON Lines), in chain order; from
   * chain sequence {@code from} to {@code to}, both inclusive, or all of it. Read a page at a time,
   * so a long history streams without being held in memory.
   */
  @GetMapping(value = "/audit/export", produces = NDJSON)
  public ResponseEntity<Flux<DataBuffer>> export(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Long first = Params.optionalLong("from", from, 1);
    Long last = Params.optionalLong("to", to, 1);
    long after = first == null ? 0 : first - 1;
    Flux<DataBuffer> lines =
        page(after, last)
            .expand(
                page ->
                    page.lines().size() < EXPORT_PAGE
                        ? Mono.empty()
                        : page(page.lastSequence(), last))
            .concatMapIterable(AuditLog.ExportPage::lines)
            .map(line -> BUFFERS.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(NDJSON))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("forum-ledger-history.jsonl")
                .build()
                .toString())
        .body(lines);
  }

  private Mono<AuditLog.ExportPage> page(long after, Long to) {
    return Mono.fromCallable(() -> audit.export(after, to, EXPORT_PAGE))
        .subscribeOn(Schedulers.boundedElastic());
  }

  public static Entry entry(AuditEntry e) {
    Map<String, Object> payload;
    try {
      payload = EventJson.mapper().readValue(e.payload(), new TypeReference<>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      payload = Map.of("unreadable", e.payload());
    }
    return new Entry(
        e.seq(),
        e.eventId(),
        e.forumId(),
        e.eventType(),
        e.eventVersion(),
        e.globalPosition(),
        e.recordedAt(),
        e.effectiveDate(),
        e.actor(),
        e.reason(),
        e.decisionReference(),
        e.correlationId(),
        payload,
        e.prevHash(),
        e.hash(),
        e.registrySeal() == null ? null : e.registrySeal().chainSequence(),
        e.registrySeal() == null ? null : e.registrySeal().hash(),
        e.registrySeal() == null ? null : e.registrySeal().keyId(),
        e.registrySeal() == null ? null : e.registrySeal().signature());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return 1000;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit < 1 || limit > 10000) {
        throw new InvalidParameterException("limit", "limit must be between 1 and 10000");
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("limit", "limit must be a whole number");
    }
  }
}
