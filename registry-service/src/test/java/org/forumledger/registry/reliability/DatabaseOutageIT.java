package org.forumledger.registry.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.forumledger.registry.RegistryTestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * PostgreSQL stopped and started again under a running registry: writes meanwhile are refused with
 * 503 and Retry-After, leave no event and no kept answer behind, and the client's retry with the
 * same Idempotency-Key once the database is back creates the forum exactly once.
 */
class DatabaseOutageIT {

  static RegistryTestStack stack;
  static WebTestClient registrar;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() {
    stack = RegistryTestStack.start();
    // longer than the pool's connection timeout, so the answer is the registry's, not a timeout
    registrar = stack.registrar().mutate().responseTimeout(Duration.ofSeconds(60)).build();
    jdbc = stack.context().getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  static String forum(String name) {
    return """
        {"name": "%s", "area": "Offentlig förvaltning", "kind": "NETWORK", "convener": "SKR",
         "effectiveDate": "2024-03-01", "reason": "Joined by decision",
         "decisionReference": "KS 2024-02-28 § 112"}
        """
        .formatted(name);
  }

  static EntityExchangeResult<byte[]> post(String body, String key) {
    return registrar
        .post()
        .uri("/forums")
        .contentType(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", key)
        .bodyValue(body)
        .exchange()
        .expectBody()
        .returnResult();
  }

  static long eventsNaming(String name) {
    return jdbc.queryForObject(
        "select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
        Long.class,
        "%" + name + "%");
  }

  static long keptAnswers(String key) {
    return jdbc.queryForObject(
        "select count(*) from idempotent_request where idempotency_key = ?", Long.class, key);
  }

  @Test
  void writesWhileTheDatabaseIsAwayAre503AndTheRetryWithTheSameKeyWritesOnce() {
    assertThat(post(forum("Before the outage"), UUID.randomUUID().toString()).getStatus().value())
        .isEqualTo(201);
    String name = "During the outage " + UUID.randomUUID();
    String key = UUID.randomUUID().toString();

    stack.infra().stopPostgres();
    long refusedAt = System.nanoTime();
    EntityExchangeResult<byte[]> refused = post(forum(name), key);
    long refusedMillis = Duration.ofNanos(System.nanoTime() - refusedAt).toMillis();
    EntityExchangeResult<byte[]> second = post(forum(name), key);
    stack.infra().startPostgres();
    long restartedAt = System.nanoTime();

    for (EntityExchangeResult<byte[]> answer : List.of(refused, second)) {
      assertThat(answer.getStatus().value()).isEqualTo(503);
      assertThat(answer.getResponseHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getResponseHeaders().getFirst("Retry-After")).isEqualTo("5");
      assertThat(new String(answer.getResponseBody()))
          .contains("service-unavailable")
          .doesNotContain("Exception")
          .doesNotContain("jdbc");
    }
    System.out.printf("MEASURED outage write refused with 503 after %d ms%n", refusedMillis);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> jdbc.queryForObject("select 1", Integer.class) == 1);
    assertThat(eventsNaming(name)).isZero();
    assertThat(keptAnswers(key)).isZero();

    AtomicInteger attempts = new AtomicInteger();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              attempts.incrementAndGet();
              return post(forum(name), key).getStatus().value() == 201;
            });
    System.out.printf(
        "MEASURED first successful retry %d ms after the restart, attempt %d%n",
        Duration.ofNanos(System.nanoTime() - restartedAt).toMillis(), attempts.get());

    EntityExchangeResult<byte[]> replayed = post(forum(name), key);
    assertThat(replayed.getStatus().value()).isEqualTo(201);
    assertThat(replayed.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(eventsNaming(name)).isEqualTo(1);
    assertThat(keptAnswers(key)).isEqualTo(1);
  }
}
