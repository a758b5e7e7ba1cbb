package org.forumledger.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.forumledger.kit.observability.CorrelationIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/** The kit's chain and problems, as a service that brings only its table of routes gets them. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ledger.security.registrar-password=r-secret",
      "ledger.security.auditor-password=a-secret",
      "ledger.security.viewer-password=v-secret",
      "management.endpoints.web.exposure.include=health,info,metrics",
      "spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    })
@AutoConfigureWebTestClient
class KitWebTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  @Autowired WebTestClient web;

  @Autowired Watched watched;

  /** Counts the sessions the server opens and names the observations it starts. */
  static final class Watched {
    final AtomicInteger sessionsOpened = new AtomicInteger();
    final List<String> observations = new CopyOnWriteArrayList<>();
  }

  @TestConfiguration
  static class Watching {

    @Bean
    Watched watched() {
      return new Watched();
    }

    @Bean(name = "webSessionManager")
    WebSessionManager webSessionManager(Watched watched) {
      DefaultWebSessionManager manager = new DefaultWebSessionManager();
      manager.setSessionStore(
          new InMemoryWebSessionStore() {
            @Override
            public Mono<WebSession> createWebSession() {
              watched.sessionsOpened.incrementAndGet();
              return super.createWebSession();
            }
          });
      return manager;
    }

    @Bean
    ObservationHandler<Observation.Context> namesOfObservations(Watched watched) {
      return new ObservationHandler<>() {
        @Override
        public void onStart(Observation.Context context) {
          watched.observations.add(context.getName());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
          return true;
        }
      };
    }
  }

  @LocalServerPort int port;

  private Map<String, Object> problem(WebTestClient.RequestHeadersSpec<?> request, int status) {
    return request
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(JSON)
        .returnResult()
        .getResponseBody();
  }

  private void okAs(String user, String password, String uri) {
    web.get()
        .uri(uri)
        .headers(h -> h.setBasicAuth(user, password))
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static String type(String slug) {
    return "https://forumledger.org/problems/" + slug;
  }

  @Test
  void anonymousAndWrongPasswordAreTheSameUnauthenticatedProblem() {
    web.get()
        .uri("/things/1")
        .exchange()
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Basic realm=\"forum-ledger\"");
    assertThat(problem(web.get().uri("/things/1"), 401))
        .containsEntry("type", type("unauthenticated"))
        .containsEntry("status", 401)
        .containsEntry("instance", "/things/1");
    assertThat(
            problem(
                web.get().uri("/things/1").headers(h -> h.setBasicAuth("viewer", "wrong")), 401))
        .containsEntry("type", type("unauthenticated"));
  }

  @Test
  void theTableDecidesAndWhatItDoesNotNameIsRefused() {
    web.get()
        .uri("/things/1")
        .headers(h -> h.setBasicAuth("viewer", "v-secret"))
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(
            problem(
                web.post()
                    .uri("/things")
                    .headers(h -> h.setBasicAuth("viewer", "v-secret"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":\"a\",\"count\":1}"),
                403))
        .containsEntry("type", type("forbidden"));
    assertThat(
            problem(
                web.get().uri("/elsewhere").headers(h -> h.setBasicAuth("registrar", "r-secret")),
                403))
        .containsEntry("type", type("forbidden"));
  }

  @Test
  void metricsAreForAuditorsOnlyAndHealthIsOpen() {
    web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    okAs("auditor", "a-secret", "/actuator/metrics");
    for (String user : new String[] {"viewer:v-secret", "registrar:r-secret"}) {
      String[] credentials = user.split(":");
      assertThat(
              problem(
                  web.get()
                      .uri("/actuator/metrics")
                      .headers(h -> h.setBasicAuth(credentials[0], credentials[1])),
                  403))
          .containsEntry("type", type("forbidden"));
    }
  }

  @Test
  void serviceProblemsAndTranslatedFailuresKeepTheirTypes() {
    assertThat(problem(get("/things/404"), 404))
        .containsEntry("type", type("unknown-forum"))
        .containsEntry("detail", "No thing 404");
    assertThat(problem(post("{\"name\":\"a\",\"count\":-1}"), 422))
        .containsEntry("type", type("rule-broken"))
        .containsEntry("detail", "count must not be negative");
  }

  @Test
  void anUnreachableDatabaseIs503AndAnyOtherFailureA500ThatNamesNoInternals() {
    web.get()
        .uri("/things/503")
        .headers(h -> h.setBasicAuth("viewer", "v-secret"))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .valueEquals("Retry-After", "5");
    Map<String, Object> failure = problem(get("/things/500"), 500);
    assertThat(failure).containsEntry("type", type("internal-error"));
    assertThat(failure.toString()).doesNotContain("org.example", "Secret", "java.lang");
  }

  @Test
  void malformedInputIsA400InTheLedgersOwnWords() {
    Map<String, Object> empty = problem(post(""), 400);
    assertThat(empty).containsEntry("type", type("malformed-request"));
    assertThat(empty.get("detail").toString()).isEqualTo("The request needs a JSON body.");

    Map<String, Object> wrongType = problem(post("{\"name\":\"a\",\"count\":\"many\"}"), 400);
    assertThat(wrongType).containsEntry("type", type("malformed-request"));
    assertThat(wrongType.get("detail").toString()).startsWith("The value of 'count'");

    Map<String, Object> notJson = problem(post("{nope"), 400);
    assertThat(notJson).containsEntry("type", type("malformed-request"));

    Map<String, Object> badPath = problem(get("/things/abc"), 400);
    assertThat(badPath)
        .containsEntry("type", type("invalid-parameter"))
        .containsEntry("parameter", "id")
        .containsEntry(
            "errors",
            java.util.List.of(
                Map.of("field", "id", "message", "must be a whole number, not 'abc'")));
    assertThat(badPath.get("detail").toString())
        .isEqualTo("'id' must be a whole number, not 'abc'.");

    for (Map<String, Object> each : java.util.List.of(empty, wrongType, notJson, badPath)) {
      assertThat(each.toString())
          .doesNotContain("java.", "org.springframework", "reactor.", "public ", "tools.jackson");
    }
  }

  @Test
  void routingErrorsAreProblemsToo() {
    assertThat(problem(get("/things"), 405)).containsEntry("type", type("method-not-allowed"));
    assertThat(problem(get("/things/1/nothing-here"), 404))
        .containsEntry("type", type("not-found"));
    assertThat(
            problem(
                web.post()
                    .uri("/things")
                    .headers(h -> h.setBasicAuth("registrar", "r-secret"))
                    .contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("x"),
                415))
        .containsEntry("type", type("unsupported-media-type"));
  }

  @Test
  void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsRead() {
    String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"count\":1}";
    assertThat(problem(post(big), 413)).containsEntry("type", type("body-too-large"));
  }

  private WebTestClient.RequestHeadersSpec<?> get(String path) {
    return web.get().uri(path).headers(h -> h.setBasicAuth("viewer", "v-secret"));
  }

  private WebTestClient.RequestHeadersSpec<?> post(String body) {
    return web.post()
        .uri("/things")
        .headers(h -> h.setBasicAuth("registrar", "r-secret"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body);
  }

  @Test
  void aPlainCorrelationIdIsKeptAndAnythingElseReplaced() {
    assertThat(correlation("order-42:retry.1")).containsEntry("header", "order-42:retry.1");
    Map<String, Object> made = correlation(null);
    assertThat((String) made.get("header")).matches("[0-9a-f-]{36}");
    assertThat(made).containsEntry("context", made.get("header"));
    Map<String, Object> forged = correlation("x\\n2026-12-02 INFO forged line");
    assertThat((String) forged.get("header")).matches("[0-9a-f-]{36}");
    assertThat((String) correlation("a".repeat(65)).get("header")).hasSize(36);
    // a refusal carries it too
    web.get()
        .uri("/things/1")
        .header(CorrelationIds.HEADER, "refused-1")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(CorrelationIds.HEADER, "refused-1");
  }

  private Map<String, Object> correlation(String offered) {
    var result =
        web.get()
            .uri("/things/correlation")
            .headers(
                h -> {
                  h.setBasicAuth("viewer", "v-secret");
                  if (offered != null) {
                    h.set(CorrelationIds.HEADER, offered);
                  }
                })
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JSON)
            .returnResult();
    Map<String, Object> seen = result.getResponseBody();
    assertThat(result.getResponseHeaders().getFirst(CorrelationIds.HEADER))
        .isEqualTo(seen.get("header"));
    assertThat(seen).containsEntry("context", seen.get("header"));
    return seen;
  }

  @Test
  void eachConnectionServesOneRequestAndSaysSo() throws IOException {
    String refused = "GET /things/1 HTTP/1.1\r\nHost: localhost\r\n\r\n";
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      // a second request right behind the first, as a client reusing the connection would send it
      out.write((refused + refused).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      // the server closes the connection after its one answer: the stream ends
      String answered = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(answered).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close");
      assertThat(answered.split("HTTP/1.1 ", -1)).as("one answer on the connection").hasSize(2);
    }
  }

  /**
   * A request costs no session (the default saved-request cache opened one per request: a
   * SecureRandom UUID and two scheduler hops) and no observation per security filter; the request
   * itself is still observed.
   */
  @Test
  void aRequestOpensNoSessionAndOnlyTheRequestIsObserved() {
    web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    okAs("viewer", "v-secret", "/things/1");
    web.get().uri("/things/1").exchange().expectStatus().isUnauthorized();
    assertThat(watched.sessionsOpened.get()).isZero();
    assertThat(watched.observations)
        .contains("http.server.requests")
        .noneMatch(name -> name.startsWith("spring.security"));
  }
}
