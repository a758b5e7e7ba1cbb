package org.forumledger.registry.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.assertj.core.api.ThrowingConsumer;
import org.forumledger.registry.RegistryTestStack;
import org.forumledger.registry.StatementLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The database round trips of one command, statement by statement, as the registry's connections
 * make them (the requests run on Reactor's bounded elastic threads, the publication and the
 * checkpoints on their own). Each is a wait on PostgreSQL inside the write's transaction, so their
 * number bounds the commands per second; a change that adds one fails here.
 */
class CommandRoundTripsIT {

  static final Predicate<String> REQUEST_THREADS = thread -> thread.startsWith("boundedElastic");

  static final StatementLog log = new StatementLog();
  static RegistryTestStack stack;
  static WebTestClient registrar;

  @BeforeAll
  static void start() {
    stack = RegistryTestStack.start(log);
    registrar = stack.registrar();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void aRegistrationWithANewIdempotencyKey() {
    List<String> statements =
        log.during(() -> register(UUID.randomUUID().toString()), REQUEST_THREADS);

    print("POST /forums", statements);
    assertAWritesFourRoundTrips(statements);
  }

  @Test
  void aWriteToAForumTheRegistryHasInMemory() {
    String forumId = register(UUID.randomUUID().toString());
    putFee(forumId, 2023, 1000, "\"0\"");

    List<String> statements =
        log.during(() -> putFee(forumId, 2024, 2000, "\"1\""), REQUEST_THREADS);

    print("PUT /forums/{id}/fees/2024", statements);
    assertAWritesFourRoundTrips(statements);
  }

  @Test
  void aRetryWithTheSameKeyReadsTheKeptAnswerAndWritesNothing() {
    String key = UUID.randomUUID().toString();
    register(key);

    List<String> statements = log.during(() -> register(key), REQUEST_THREADS);

    print("POST /forums, the same key again", statements);
    assertThat(statements)
        .satisfiesExactly(
            begins("insert into idempotent_request"),
            begins("select request_hash"),
            begins("commit"));
  }

  /** The claim, the event's insert, the kept answer and the commit. */
  private static void assertAWritesFourRoundTrips(List<String> statements) {
    assertThat(statements)
        .satisfiesExactly(
            begins("insert into idempotent_request"),
            begins("insert into registry.domain_event_entry"),
            begins("update idempotent_request"),
            begins("commit"));
  }

  private static ThrowingConsumer<String> begins(String prefix) {
    return statement -> assertThat(statement).startsWith(prefix);
  }

  private static void print(String what, List<String> statements) {
    System.out.println(what + ": " + statements.size() + " round trips");
    statements.forEach(s -> System.out.println("  " + s));
  }

  private static String register(String key) {
    return stack.register(RegistryApiIT.FORUM, key);
  }

  private static void putFee(String forumId, int year, int amount, String ifMatch) {
    registrar
        .put()
        .uri("/forums/{id}/fees/{year}", forumId, year)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .header("If-Match", ifMatch)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"status\": \"AMOUNT\", \"amount\": "
                + amount
                + ", "
                + RegistryApiIT.PROVENANCE
                + "}")
        .exchange()
        .expectStatus()
        .isOk();
  }
}
