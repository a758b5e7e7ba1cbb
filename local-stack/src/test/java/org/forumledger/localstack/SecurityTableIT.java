package org.forumledger.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.forumledger.infra.LedgerInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;

/**
 * Every route of every service, asked by an anonymous caller, a viewer, an auditor and a registrar,
 * answers what this table says. The routes are discovered from the running services (their request
 * mappings, actuator and API-documentation endpoints included, and their router functions), so a
 * route added without a row here fails the test, as does a row for a route that no longer exists.
 */
class SecurityTableIT {

  static final String REGISTRAR_PW = "registrar-pw-7Qx";
  static final String AUDITOR_PW = "auditor-pw-3Kd";
  static final String VIEWER_PW = "viewer-pw-9Lm";
  static final String WRONG_PW = "not-the-password-5Zt";

  /** What each caller gets: anonymous, viewer, auditor, registrar. */
  enum Access {
    /** Open to anyone (health, info, API documentation). */
    OPEN(OK, OK, OK, OK),
    /** Any signed-in reader. */
    READ(401, OK, OK, OK),
    /** Registrars only. */
    WRITE(401, 403, 403, OK),
    /** Auditors only. */
    AUDIT(401, 403, OK, 403),
    /** Nobody: the route exists but no row of the service's access table allows it. */
    NONE(401, 403, 403, 403);

    final int[] statuses;

    Access(int... statuses) {
      this.statuses = statuses;
    }
  }

  /**
   * "Let through": the answer is the route's own (2xx, 400, 404, 422 …), neither 401/403 nor 5xx.
   */
  static final int OK = 0;

  record Caller(String name, String user, String password) {}

  static final List<Caller> CALLERS =
      List.of(
          new Caller("anonymous", null, null),
          new Caller("viewer", "viewer", VIEWER_PW),
          new Caller("auditor", "auditor", AUDITOR_PW),
          new Caller("registrar", "registrar", REGISTRAR_PW));

  /** Routes that the kit gives every service: actuator, API documentation. */
  static Map<String, Access> kitRoutes() {
    Map<String, Access> rows = new LinkedHashMap<>();
    rows.put("GET /actuator", Access.AUDIT);
    rows.put("GET /actuator/health", Access.OPEN);
    rows.put("GET /actuator/health/{*path}", Access.OPEN);
    rows.put("GET /actuator/info", Access.OPEN);
    rows.put("GET /actuator/metrics", Access.AUDIT);
    rows.put("GET /actuator/metrics/{requiredMetricName}", Access.AUDIT);
    rows.put("GET /actuator/prometheus", Access.AUDIT);
    rows.put("GET /v3/api-docs", Access.OPEN);
    rows.put("GET /v3/api-docs/swagger-config", Access.OPEN);
    rows.put("GET /v3/api-docs.yaml", Access.OPEN);
    rows.put("GET /swagger-ui.html", Access.OPEN);
    return rows;
  }

  static final Map<String, Map<String, Access>> TABLE = new LinkedHashMap<>();

  static {
    Map<String, Access> registry = kitRoutes();
    registry.put("GET /forums/{forumId}", Access.READ);
    registry.put("POST /forums", Access.WRITE);
    registry.put("PUT /forums/{forumId}/details", Access.WRITE);
    registry.put("PUT /forums/{forumId}/classification", Access.WRITE);
    registry.put("PUT /forums/{forumId}/status", Access.WRITE);
    registry.put("POST /forums/{forumId}/representatives", Access.WRITE);
    registry.put("PUT /forums/{forumId}/representatives/{appointmentId}/ending", Access.WRITE);
    registry.put("PUT /forums/{forumId}/headcounts/{year}/{body}", Access.WRITE);
    registry.put("PUT /forums/{forumId}/fees/{fromYear}", Access.WRITE);
    registry.put("DELETE /forums/{forumId}/fees/{fromYear}", Access.WRITE);
    registry.put("PUT /forums/{forumId}/other-costs/{year}", Access.WRITE);
    registry.put("DELETE /forums/{forumId}/other-costs/{year}", Access.WRITE);
    registry.put("POST /forums/{forumId}/participations", Access.WRITE);
    registry.put("PUT /forums/{forumId}/participations/{participationId}", Access.WRITE);
    registry.put("DELETE /forums/{forumId}/participations/{participationId}", Access.WRITE);
    registry.put("PUT /forums/{forumId}/goals/{body}", Access.WRITE);
    registry.put("GET /units", Access.READ);
    registry.put("GET /units/{code}", Access.READ);
    registry.put("PUT /units/{code}", Access.WRITE);
    registry.put("GET /goals", Access.READ);
    registry.put("GET /goals/{goalId}", Access.READ);
    registry.put("PUT /goals/{goalId}", Access.WRITE);
    registry.put("GET /reviews", Access.READ);
    registry.put("GET /reviews/{reviewId}", Access.READ);
    registry.put("POST /reviews", Access.WRITE);
    registry.put("PUT /reviews/{reviewId}/assessments/{forumId}/{body}", Access.WRITE);
    registry.put("PUT /reviews/{reviewId}/decisions/{forumId}/{body}", Access.WRITE);
    registry.put("POST /reviews/{reviewId}/close", Access.WRITE);
    registry.put("GET /cost-rates", Access.READ);
    registry.put("GET /cost-rates/{year}", Access.READ);
    registry.put("PUT /cost-rates/{year}", Access.WRITE);
    registry.put("GET /keys", Access.READ);
    registry.put("GET /chain/head", Access.READ);
    registry.put("GET /chain/links/{chainSequence}", Access.READ);
    registry.put("POST /checkpoints", Access.AUDIT);
    registry.put("GET /checkpoints/latest", Access.READ);
    registry.put("GET /checkpoints", Access.READ);
    registry.put("POST /years/{year}/closing", Access.AUDIT);
    registry.put("GET /years/{year}/closing", Access.READ);
    registry.put("GET /years/closings", Access.READ);
    TABLE.put("registry", registry);

    Map<String, Access> cost = kitRoutes();
    cost.put("GET /chain/head", Access.READ);
    cost.put("GET /costs/years/{year}", Access.READ);
    cost.put("GET /costs/years/{year}/forums", Access.READ);
    cost.put("GET /costs/years/{year}/forums.csv", Access.READ);
    cost.put("GET /costs/years/{year}/explain", Access.READ);
    cost.put("GET /costs/years/{year}/units", Access.READ);
    cost.put("GET /costs/years/{year}/units/{code}", Access.READ);
    cost.put("GET /costs/forums/{forumId}", Access.READ);
    cost.put("GET /costs/forums/{forumId}/years/{year}/explain", Access.READ);
    cost.put("GET /costs/mandate-periods/{period}", Access.READ);
    cost.put("GET /costs/projections", Access.READ);
    cost.put("GET /costs/reviews/{reviewId}/savings", Access.READ);
    cost.put("GET /costs/checksum", Access.READ);
    cost.put("POST /costs/admin/rebuild", Access.WRITE);
    cost.put("GET /costs/admin/rebuild", Access.READ);
    TABLE.put("cost", cost);

    Map<String, Access> reporting = kitRoutes();
    reporting.put("GET /chain/head", Access.READ);
    reporting.put("GET /reports/appendix", Access.READ);
    reporting.put("GET /reports/reconciliation", Access.READ);
    reporting.put("GET /reports/totals", Access.READ);
    reporting.put("GET /reports/totals/live", Access.READ);
    reporting.put("GET /reports/changes", Access.READ);
    reporting.put("GET /reports/attendance", Access.READ);
    reporting.put("GET /reports/units", Access.READ);
    reporting.put("GET /reports/goals", Access.READ);
    reporting.put("GET /reports/reviews", Access.READ);
    reporting.put("GET /reports/reviews/{reviewId}", Access.READ);
    reporting.put("GET /reports/reviews/{reviewId}/progress", Access.READ);
    reporting.put("GET /reports/reviews/{reviewId}/outcome", Access.READ);
    reporting.put("GET /reports/overlaps", Access.READ);
    reporting.put("GET /reports/goal-coverage", Access.READ);
    reporting.put("GET /forums/{forumId}/years/{year}/other-cost", Access.READ);
    reporting.put("GET /forums", Access.READ);
    reporting.put("GET /forums/{forumId}", Access.READ);
    reporting.put("GET /forums/{forumId}/history", Access.READ);
    reporting.put("GET /audit", Access.AUDIT);
    reporting.put("GET /audit/verify", Access.AUDIT);
    reporting.put("GET /audit/export", Access.AUDIT);
    reporting.put("POST /audit/years/{year}/close", Access.AUDIT);
    reporting.put("GET /audit/years/{year}", Access.AUDIT);
    reporting.put("POST /admin/replay", Access.AUDIT);
    reporting.put("GET /admin/replay", Access.AUDIT);
    reporting.put("GET /admin/replay/progress", Access.AUDIT);
    TABLE.put("reporting", reporting);
  }

  static LedgerInfrastructure infra;
  static ServiceStack stack;
  static ListAppender<ILoggingEvent> logs;
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    infra = LedgerInfrastructure.forTests();
    stack =
        ServiceStack.start(
            new ServiceStack.Wiring(
                infra.kafkaBootstrapServers(),
                infra.jdbcUrl(),
                infra.dbUsername(),
                infra.dbPassword(),
                Credentials.fixed(REGISTRAR_PW, AUDITOR_PW, VIEWER_PW)),
            new ServiceStack.Ports(0, 0, 0));
    // after the services started: each start configures logging afresh, dropping other appenders
    logs = new ListAppender<>();
    logs.start();
    root().addAppender(logs);
    // what the security chain and the services say about a sign-in, however detailed
    for (String name : List.of("org.springframework.security", "org.forumledger")) {
      ((Logger) LoggerFactory.getLogger(name)).setLevel(ch.qos.logback.classic.Level.DEBUG);
    }
  }

  @AfterAll
  static void stop() {
    try {
      if (stack != null) {
        stack.close();
      }
    } finally {
      infra.close();
      if (logs != null) {
        root().detachAppender(logs);
      }
    }
  }

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  static Map<String, ConfigurableApplicationContext> services() {
    Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    services.put("registry", stack.registry());
    services.put("cost", stack.cost());
    services.put("reporting", stack.reporting());
    return services;
  }

  static String baseUrl(String service) {
    return switch (service) {
      case "registry" -> stack.registryUrl();
      case "cost" -> stack.costUrl();
      default -> stack.reportingUrl();
    };
  }

  /** "METHOD /pattern" of every route the running service answers; "*" for any method. */
  static TreeSet<String> discoveredRoutes(ConfigurableApplicationContext context) {
    TreeSet<String> routes = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping :
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        List<String> methods =
            info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
        for (var pattern : info.getPatternsCondition().getPatterns()) {
          for (String method : methods.isEmpty() ? List.of("*") : methods) {
            routes.add(method + " " + pattern.getPatternString());
          }
        }
      }
    }
    Pattern predicate =
        Pattern.compile("\\b(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) && (/\\S*?)\\)");
    for (RouterFunctionMapping mapping :
        context.getBeansOfType(RouterFunctionMapping.class).values()) {
      if (mapping.getRouterFunction() == null) {
        continue;
      }
      mapping
          .getRouterFunction()
          .accept(
              new RouterFunctions.Visitor() {
                @Override
                public void startNested(
                    org.springframework.web.reactive.function.server.RequestPredicate p) {}

                @Override
                public void endNested(
                    org.springframework.web.reactive.function.server.RequestPredicate p) {}

                @Override
                public void route(
                    org.springframework.web.reactive.function.server.RequestPredicate p,
                    org.springframework.web.reactive.function.server.HandlerFunction<?> h) {
                  Matcher m = predicate.matcher(p.toString());
                  if (m.find()) {
                    routes.add(m.group(1) + " " + m.group(2));
                  } else {
                    routes.add("? " + p);
                  }
                }

                @Override
                public void resources(
                    java.util.function.Function<
                            org.springframework.web.reactive.function.server.ServerRequest,
                            reactor.core.publisher.Mono<org.springframework.core.io.Resource>>
                        lookup) {}

                @Override
                public void attributes(Map<String, Object> attributes) {}

                @Override
                public void unknown(
                    org.springframework.web.reactive.function.server.RouterFunction<?> f) {
                  routes.add("? " + f);
                }
              });
    }
    return routes;
  }

  @Test
  void everyDiscoveredRouteHasARowAndEveryRowARoute() {
    List<String> problems = new ArrayList<>();
    for (var service : services().entrySet()) {
      TreeSet<String> discovered = discoveredRoutes(service.getValue());
      Map<String, Access> rows = TABLE.get(service.getKey());
      for (String route : discovered) {
        if (!rows.containsKey(route)) {
          problems.add(service.getKey() + ": route without a row: " + route);
        }
      }
      for (String row : rows.keySet()) {
        if (!discovered.contains(row)) {
          problems.add(service.getKey() + ": row without a route: " + row);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyRouteAnswersEachCallerAsTheTableSays() {
    List<String> wrong = new ArrayList<>();
    long slowestAfterRefusal = 0;
    for (var service : TABLE.entrySet()) {
      for (var row : service.getValue().entrySet()) {
        String[] parts = row.getKey().split(" ", 2);
        String path = concrete(parts[1]);
        for (int c = 0; c < CALLERS.size(); c++) {
          Caller caller = CALLERS.get(c);
          long started = System.nanoTime();
          Answer response =
              send(parts[0], baseUrl(service.getKey()) + path, caller.user(), caller.password());
          long millis = (System.nanoTime() - started) / 1_000_000;
          if (c > 0) {
            slowestAfterRefusal = Math.max(slowestAfterRefusal, millis);
          }
          int expected = row.getValue().statuses[c];
          int actual = response.statusCode();
          boolean fits =
              expected == OK ? actual != 401 && actual != 403 && actual < 500 : actual == expected;
          if (!fits) {
            wrong.add(
                service.getKey()
                    + " "
                    + row.getKey()
                    + " as "
                    + caller.name()
                    + ": expected "
                    + (expected == OK ? "let through" : expected)
                    + ", got "
                    + actual);
          }
          if (actual == 401 || actual == 403) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(row.getKey() + " as " + caller.name())
                .startsWith("application/problem+json");
          }
        }
      }
    }
    System.out.println(
        "SecurityTableIT: slowest request right after another on the same client: "
            + slowestAfterRefusal
            + " ms");
    assertThat(wrong).isEmpty();
  }

  @Test
  void theRecordedActorIsTheSignedInRegistrarWhateverTheRequestClaims() {
    String body =
        """
        {"inventoryReference": "9.9.9", "name": "Actor check", "purpose": "Corridor collaboration",
         "area": "Infrastruktur inom transport och kollektivtrafik", "kind": "COLLABORATION",
         "collaborationType": "samverkansorgan", "convener": "STRING", "scope": "INTERNATIONAL",
         "meetingsPerYear": {"min": 2, "max": 4}, "meetingMode": "MIXED",
         "effectiveDate": "2023-01-01", "reason": "Actor check", "decisionReference": "SLK-2023-01081"}
        """;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/forums"))
            .header("Content-Type", "application/json")
            .header("X-Actor", "mallory")
            .header("X-User", "mallory")
            .header("X-Forwarded-User", "mallory")
            .header("X-Remote-User", "mallory")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    Answer created = send(request, "registrar", REGISTRAR_PW);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String forumId = location.substring(location.lastIndexOf('/') + 1);

    String metadata =
        stack
            .registry()
            .getBean(JdbcTemplate.class)
            .queryForObject(
                "select convert_from(meta_data, 'UTF8') from domain_event_entry"
                    + " where aggregate_identifier = ?",
                String.class,
                forumId);
    assertThat(metadata).contains("\"actor\":\"registrar\"").doesNotContain("mallory");
  }

  @Test
  void aFailedLoginsPasswordIsNeverInTheAnswerNorInTheLogs() {
    for (String service : TABLE.keySet()) {
      for (String user : List.of("registrar", "auditor", "viewer", "nobody")) {
        Answer refused = send("GET", baseUrl(service) + "/chain/head", user, WRONG_PW);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain(WRONG_PW);
        assertThat(refused.headers().map().toString()).doesNotContain(WRONG_PW);
      }
    }
    List<String> secrets = List.of(WRONG_PW, REGISTRAR_PW, AUDITOR_PW, VIEWER_PW);
    synchronized (logs) {
      assertThat(logs.list).as("the failed sign-ins were logged").isNotEmpty();
      for (ILoggingEvent event : logs.list) {
        String line =
            event.getFormattedMessage()
                + (event.getThrowableProxy() == null
                    ? ""
                    : " " + event.getThrowableProxy().getMessage());
        for (String secret : secrets) {
          assertThat(line).doesNotContain(secret);
        }
      }
    }
  }

  /** The pattern with every variable filled in with a sample value. */
  static String concrete(String pattern) {
    return pattern
        .replaceAll("\\{\\*?(year|fromYear)}", "2023")
        .replaceAll("\\{\\*?chainSequence}", "1")
        .replaceAll("\\{\\*?body}", "KS")
        .replaceAll("\\{\\*?requiredMetricName}", "jvm.memory.used")
        .replaceAll("\\{[^}]*}", "no-such-thing")
        .replace("/**", "/liveness");
  }

  static Answer send(String method, String url, String user, String password) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (method.equals("GET") || method.equals("*")) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString("{}"));
    }
    return send(request, user, password);
  }

  /**
   * The status, the headers and, when refused, the body (a stream that is let through is not read).
   */
  record Answer(int statusCode, java.net.http.HttpHeaders headers, String body) {}

  static Answer send(HttpRequest.Builder request, String user, String password) {
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
    try {
      HttpResponse<java.io.InputStream> response =
          CLIENT.send(built, HttpResponse.BodyHandlers.ofInputStream());
      try (java.io.InputStream body = response.body()) {
        boolean finite =
            !response.headers().firstValue("Content-Type").orElse("").contains("event-stream")
                && !response.headers().firstValue("Content-Type").orElse("").contains("ndjson");
        String text =
            finite || response.statusCode() >= 400
                ? new String(body.readAllBytes(), StandardCharsets.UTF_8)
                : "";
        return new Answer(response.statusCode(), response.headers(), text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(built.method() + " " + built.uri() + " as " + user, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
