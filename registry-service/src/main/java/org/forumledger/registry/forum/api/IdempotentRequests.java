package org.forumledger.registry.forum.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.forumledger.events.Sha256;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Honours the {@code Idempotency-Key} header: the first request with a key runs and its response is
 * kept; a retry with the same key and the same request gets that response again and writes nothing.
 * The same key with a different request is refused (422); a retry while the first is still running
 * gets 409.
 */
@Component
public class IdempotentRequests {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public IdempotentRequests(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(2);

  record Stored(String requestHash, Integer status, String location, String etag, String body) {}

  /**
   * Runs the write once per key. The request it is keyed to is its method, its path and its body in
   * {@link CanonicalJson canonical form}, so a retry that writes the same JSON differently ({@code
   * 100.00} for {@code 100}, keys in another order) is the same request.
   */
  public Mono<ResponseEntity<?>> execute(
      WriteRequest write, Object body, Supplier<Mono<ResponseEntity<?>>> action) {
    if (!write.idempotent()) {
      return action.get();
    }
    String principal = write.actor();
    String key = write.idempotencyKey();
    String hash = Sha256.hex(fingerprint(write, body));
    return blocking(() -> claim(principal, key, hash))
        .flatMap(
            earlier ->
                earlier.isPresent()
                    ? Mono.just(replay(earlier.get(), hash))
                    : action
                        .get()
                        .flatMap(response -> remember(principal, key, response))
                        .onErrorResume(
                            error ->
                                blocking(() -> forget(principal, key)).then(Mono.error(error))));
  }

  static String fingerprint(WriteRequest write, Object body) {
    return write.method().name() + " " + write.path() + " " + CanonicalJson.of(body);
  }

  /**
   * Claims the key, or returns what an earlier request with it left. A claim whose request never
   * finished (the process stopped between writing and answering) is abandoned after {@link
   * #ABANDONED_AFTER} and may be claimed again; until then a retry is told to wait (409).
   */
  private Optional<Stored> claim(String principal, String key, String hash) {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        jdbc.update(
            "insert into idempotent_request (idempotency_key, principal, request_hash, created_at)"
                + " values (?, ?, ?, ?)",
            key,
            principal,
            hash,
            Timestamp.from(clock.instant()));
        return Optional.empty();
      } catch (DuplicateKeyException alreadyThere) {
        jdbc.update(
            "delete from idempotent_request where principal = ? and idempotency_key = ?"
                + " and status_code is null and created_at < ?",
            principal,
            key,
            Timestamp.from(clock.instant().minus(ABANDONED_AFTER)));
        Optional<Stored> earlier = stored(principal, key);
        if (earlier.isPresent()) {
          return earlier;
        }
      }
    }
    throw new IdempotentRequestInProgressException();
  }

  private Optional<Stored> stored(String principal, String key) {
    return jdbc
        .query(
            "select request_hash, status_code, location, etag, response_body"
                + " from idempotent_request where principal = ? and idempotency_key = ?",
            (rs, i) ->
                new Stored(
                    rs.getString(1),
                    (Integer) rs.getObject(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)),
            principal,
            key)
        .stream()
        .findFirst();
  }

  private ResponseEntity<?> replay(Stored stored, String hash) {
    if (!stored.requestHash().equals(hash)) {
      throw new IdempotencyKeyReusedException();
    }
    if (stored.status() == null) {
      throw new IdempotentRequestInProgressException();
    }
    ResponseEntity.BodyBuilder builder =
        ResponseEntity.status(HttpStatusCode.valueOf(stored.status()))
            .header("Idempotent-Replayed", "true");
    if (stored.location() != null) {
      builder.header(HttpHeaders.LOCATION, stored.location());
    }
    if (stored.etag() != null) {
      builder.header(HttpHeaders.ETAG, stored.etag());
    }
    return builder.contentType(MediaType.APPLICATION_JSON).body(stored.body());
  }

  private Mono<ResponseEntity<?>> remember(
      String principal, String key, ResponseEntity<?> response) {
    return blocking(
        () -> {
          jdbc.update(
              "update idempotent_request set status_code = ?, location = ?, etag = ?,"
                  + " response_body = ? where principal = ? and idempotency_key = ?",
              response.getStatusCode().value(),
              response.getHeaders().getFirst(HttpHeaders.LOCATION),
              response.getHeaders().getETag(),
              ResponseBodies.json(response.getBody()),
              principal,
              key);
          return response;
        });
  }

  private Integer forget(String principal, String key) {
    return jdbc.update(
        "delete from idempotent_request where principal = ? and idempotency_key = ?"
            + " and status_code is null",
        principal,
        key);
  }

  private static <T> Mono<T> blocking(Supplier<T> work) {
    return Mono.fromSupplier(work).subscribeOn(Schedulers.boundedElastic());
  }

  /** The key was used before for a different request. */
  public static class IdempotencyKeyReusedException extends RuntimeException {
    IdempotencyKeyReusedException() {
      super("This Idempotency-Key was already used for a different request.");
    }
  }

  /** The first request with this key has not finished. */
  public static class IdempotentRequestInProgressException extends RuntimeException {
    IdempotentRequestInProgressException() {
      super("A request with this Idempotency-Key is still being processed; retry later.");
    }
  }
}
