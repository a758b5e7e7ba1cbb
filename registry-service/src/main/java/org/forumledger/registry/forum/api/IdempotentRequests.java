package org.forumledger.registry.forum.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.ConcurrencyException;
import org.forumledger.events.Sha256;
import org.forumledger.registry.eventstore.ForumsInMemory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a write in one database transaction: the claim of its {@code Idempotency-Key}, the command's
 * events and the answer kept for a retry commit together or not at all. A retry with the same key
 * and the same request gets the kept answer and writes nothing; a retry that arrives while the
 * first is still running waits for it; the same key with a different request is refused (422). A
 * process that stops mid-write leaves nothing behind, so a retry simply runs again.
 */
@Component
public class IdempotentRequests {

  /**
   * A write that met a concurrent change to the same forum (another write appended at the same
   * sequence first) is run again on the forum as it now is. Without If-Match the writer asked for
   * no optimistic lock, so it is simply serialised after the other write; with If-Match the run
   * again finds the forum at a later version and answers 412, as if it had come second. Each
   * attempt that fails lost to a write that succeeded, so with n concurrent writers n attempts
   * always suffice; the bound only keeps a broken store from looping for ever.
   */
  static final int ATTEMPTS_ON_CONCURRENT_CHANGE = 64;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final Cache forums;

  public IdempotentRequests(
      JdbcTemplate jdbc,
      Clock clock,
      PlatformTransactionManager transactions,
      @Qualifier(ForumsInMemory.NAME) Cache forums) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.forums = forums;
  }

  record Stored(String requestHash, Integer status, String location, String etag, String body) {}

  /**
   * Runs the write once per key. The request it is keyed to is its method, its path and its body in
   * {@link CanonicalJson canonical form}, so a retry that writes the same JSON differently ({@code
   * 100.00} for {@code 100}, keys in another order) is the same request. The write blocks (JDBC and
   * Axon on the calling thread), so it runs on the bounded elastic scheduler, never on Netty's.
   */
  public Mono<ResponseEntity<?>> execute(
      WriteRequest write, Object body, Supplier<ResponseEntity<?>> action) {
    return executeOnce(write, body, claimTakenOver -> action.get());
  }

  /**
   * The same, telling the write whether its key's claim was taken over from an earlier version of
   * the registry (see {@link #takeOver}): only then may an earlier try have written before its
   * answer was lost. A new key, or no key, is a write no try has made yet.
   */
  public Mono<ResponseEntity<?>> executeOnce(WriteRequest write, Object body, Action action) {
    return Mono.<ResponseEntity<?>>fromCallable(() -> runWithRetries(write, body, action))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** A write run under its key's claim. */
  @FunctionalInterface
  public interface Action {
    ResponseEntity<?> run(boolean claimTakenOver);
  }

  private ResponseEntity<?> runWithRetries(WriteRequest write, Object body, Action action) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(
            status -> {
              ForumsInMemory.forgetOnRollback(forums);
              return run(write, body, action);
            });
      } catch (ConcurrencyException concurrentChange) {
        if (attempt == ATTEMPTS_ON_CONCURRENT_CHANGE) {
          throw concurrentChange;
        }
      }
    }
  }

  private ResponseEntity<?> run(WriteRequest write, Object body, Action action) {
    if (!write.idempotent()) {
      return action.run(false);
    }
    String principal = write.actor();
    String key = write.idempotencyKey();
    String hash = Sha256.hex(fingerprint(write, body));
    if (insertClaim(principal, key, hash)) {
      return remembered(principal, key, action.run(false));
    }
    Optional<Stored> earlier = takeOver(principal, key, hash);
    if (earlier.isPresent()) {
      return replay(earlier.get(), hash);
    }
    return remembered(principal, key, action.run(true));
  }

  private ResponseEntity<?> remembered(String principal, String key, ResponseEntity<?> response) {
    remember(principal, key, response);
    return response;
  }

  static String fingerprint(WriteRequest write, Object body) {
    return write.method().name() + " " + write.path() + " " + CanonicalJson.of(body);
  }

  /**
   * Claims the key in this transaction, or returns the answer an earlier request with it kept. A
   * concurrent request with the key holds its claim uncommitted, so this waits for it. A claim
   * without an answer can only be one left by an earlier version of the registry, which stored the
   * answer in a second transaction; it is taken over. A new key costs one statement: {@link #run}
   * inserts its claim before asking this.
   */
  private Optional<Stored> takeOver(String principal, String key, String hash) {
    Optional<Stored> earlier = stored(principal, key);
    if (earlier.isPresent() && earlier.get().status() == null) {
      jdbc.update(
          "delete from idempotent_request where principal = ? and idempotency_key = ?"
              + " and status_code is null",
          principal,
          key);
      if (insertClaim(principal, key, hash)) {
        return Optional.empty();
      }
      return stored(principal, key);
    }
    return earlier;
  }

  private boolean insertClaim(String principal, String key, String hash) {
    return jdbc.update(
            "insert into idempotent_request (idempotency_key, principal, request_hash, created_at)"
                + " values (?, ?, ?, ?) on conflict (principal, idempotency_key) do nothing",
            key,
            principal,
            hash,
            Timestamp.from(clock.instant()))
        == 1;
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

  private void remember(String principal, String key, ResponseEntity<?> response) {
    jdbc.update(
        "update idempotent_request set status_code = ?, location = ?, etag = ?,"
            + " response_body = ? where principal = ? and idempotency_key = ?",
        response.getStatusCode().value(),
        response.getHeaders().getFirst(HttpHeaders.LOCATION),
        response.getHeaders().getETag(),
        ResponseBodies.json(response.getBody()),
        principal,
        key);
  }

  /** The key was used before for a different request. */
  public static class IdempotencyKeyReusedException extends RuntimeException {
    IdempotencyKeyReusedException() {
      super("This Idempotency-Key was already used for a different request.");
    }
  }
}
