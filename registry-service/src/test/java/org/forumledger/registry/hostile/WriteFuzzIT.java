package org.forumledger.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.forumledger.registry.RegistryTestStack;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Random and malformed writes against every write route the registry serves, found from its own
 * mappings so a new route is fuzzed without a change here: bodies of any shape, wrong types and odd
 * numbers, broken JSON, odd content types, If-Match and Idempotency-Key values, and path values.
 * The registry may accept or refuse; it never answers 5xx, a refusal is problem+json, and a refusal
 * writes nothing: no event and no kept answer.
 */
class WriteFuzzIT {

  private static final List<String> FIELDS =
      List.of(
          "name",
          "purpose",
          "area",
          "subarea",
          "kind",
          "collaborationType",
          "convener",
          "scope",
          "meetingsPerYear",
          "meetingMode",
          "effectiveDate",
          "reason",
          "decisionReference",
          "status",
          "amount",
          "currency",
          "untilYear",
          "staff",
          "travel",
          "other",
          "people",
          "min",
          "max",
          "person",
          "role",
          "body",
          "validFrom",
          "endedOn",
          "inventoryReference",
          "sourceReference",
          "estimated");
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  private static RegistryTestStack stack;
  private static JdbcTemplate jdbc;
  private static String forumId;
  private static List<Route> routes;
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  record Route(String method, String pattern) {}

  record Write(
      Route route,
      List<String> pathValues,
      String body,
      String contentType,
      String ifMatch,
      String idempotencyKey,
      boolean asAuditor) {}

  @BeforeContainer
  static void start() {
    stack = RegistryTestStack.start();
    jdbc = stack.context().getBean(JdbcTemplate.class);
    routes = writeRoutes();
    HttpResponse<String> created =
        send(
            "POST",
            "/forums",
            """
            {"name": "Fuzzed forum", "area": "Regional utveckling", "kind": "NETWORK",
             "convener": "VGR", "effectiveDate": "2023-01-01", "reason": "fuzzing"}
            """,
            "application/json",
            Map.of(),
            false);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    forumId = location.substring(location.lastIndexOf('/') + 1);
  }

  @AfterContainer
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  private static List<Route> writeRoutes() {
    List<Route> found = new ArrayList<>();
    Map<RequestMappingInfo, ?> mappings =
        stack
            .context()
            .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
            .getHandlerMethods();
    mappings
        .keySet()
        .forEach(
            info ->
                info.getMethodsCondition().getMethods().stream()
                    .filter(m -> m != RequestMethod.GET && m != RequestMethod.HEAD)
                    .forEach(
                        method ->
                            info.getPatternsCondition()
                                .getPatterns()
                                .forEach(
                                    p ->
                                        found.add(
                                            new Route(method.name(), p.getPatternString())))));
    assertThat(found).as("the registry's write routes").hasSizeGreaterThanOrEqualTo(10);
    return found;
  }

  @Property(tries = 400)
  void aWriteNeverAnswers5xxAndARefusalWritesNothing(@ForAll("writes") Write write) {
    long eventsBefore = count("domain_event_entry");
    long answersBefore = count("idempotent_request");

    String path = fill(write.route().pattern(), write.pathValues());
    Map<String, String> headers = new HashMap<>();
    if (write.ifMatch() != null) {
      headers.put("If-Match", write.ifMatch());
    }
    if (write.idempotencyKey() != null) {
      headers.put("Idempotency-Key", write.idempotencyKey());
    }
    HttpResponse<String> response =
        send(
            write.route().method(),
            path,
            write.body(),
            write.contentType(),
            headers,
            write.asAuditor());

    assertThat(response.statusCode())
        .as("%s %s %s -> %s", write.route().method(), path, write.body(), response.body())
        .isLessThan(500);
    if (response.statusCode() >= 400) {
      assertThat(response.headers().firstValue("Content-Type"))
          .as("%s %s -> %s", write.route().method(), path, response.body())
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(count("domain_event_entry"))
          .as("a refusal stores no event")
          .isEqualTo(eventsBefore);
      assertThat(count("idempotent_request"))
          .as("a refusal keeps no answer")
          .isEqualTo(answersBefore);
    }
  }

  @Provide
  Arbitrary<Write> writes() {
    return Combinators.combine(
            Arbitraries.of(routes),
            pathValue().list().ofSize(3),
            body(),
            Arbitraries.of(
                "application/json",
                "application/json; charset=UTF-8",
                "application/json; charset=ISO-8859-1",
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "*/*",
                "no/such type"),
            Arbitraries.of(
                    "\"0\"",
                    "\"1\"",
                    "W/\"0\"",
                    "*",
                    "\"",
                    "\"-1\"",
                    "\"99999999999999999999\"",
                    "abc")
                .injectNull(0.4),
            Arbitraries.strings()
                .withCharRange('!', '~')
                .ofMinLength(0)
                .ofMaxLength(300)
                .injectNull(0.4),
            Arbitraries.of(true, false))
        .as(Write::new);
  }

  private static Arbitrary<String> pathValue() {
    return Arbitraries.oneOf(
        Arbitraries.just("known-forum"),
        Arbitraries.of("2023", "2024", "1899", "-1", "0", "99999999999", "KS", "SLK", "x", ""),
        Arbitraries.strings().ofMaxLength(40));
  }

  private static Arbitrary<String> body() {
    return Arbitraries.oneOf(
        object(2),
        object(2).map(json -> json.substring(0, json.length() / 2)),
        Arbitraries.of("", "null", "[]", "{}", "\"text\"", "42", "{\"name\":", "{,}", "\u0000"),
        Arbitraries.strings().ofMaxLength(200));
  }

  private static Arbitrary<String> object(int depth) {
    Arbitrary<String> entry =
        Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(12)),
                value(depth))
            .as((key, value) -> quote(key) + ":" + value);
    return entry.list().ofMaxSize(8).map(entries -> "{" + String.join(",", entries) + "}");
  }

  private static Arbitrary<String> value(int depth) {
    List<Arbitrary<String>> values = new ArrayList<>();
    values.add(Arbitraries.strings().ofMaxLength(30).map(WriteFuzzIT::quote));
    values.add(
        Arbitraries.of(
            "0",
            "-1",
            "1.5",
            "1e309",
            "-1E+400",
            "123456789012345678901234567890",
            "0.000000001",
            "true",
            "false",
            "null",
            "\"2023-01-01\"",
            "\"2023-02-30\"",
            "\"9999-12-31\"",
            "\"SEK\"",
            "\"EUR\"",
            "\"ACTIVE\"",
            "\"ENDED\"",
            "\"NETWORK\"",
            "\"KS\"",
            "\"\"",
            "{\"min\": 2, \"max\": 1}",
            "{\"amount\": \"x\"}"));
    values.add(Arbitraries.integers().map(String::valueOf));
    if (depth > 0) {
      values.add(object(depth - 1));
      values.add(
          value(depth - 1).list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]"));
    }
    return Arbitraries.oneOf(values);
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  private static String fill(String pattern, List<String> values) {
    Matcher variables = VARIABLE.matcher(pattern);
    StringBuilder path = new StringBuilder();
    int i = 0;
    while (variables.find()) {
      String value = values.get(i++ % values.size());
      String replacement =
          "known-forum".equals(value)
              ? forumId
              : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
      variables.appendReplacement(path, Matcher.quoteReplacement(replacement));
    }
    variables.appendTail(path);
    return path.toString();
  }

  private static long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private static HttpResponse<String> send(
      String method,
      String path,
      String body,
      String contentType,
      Map<String, String> headers,
      boolean asAuditor) {
    String user = asAuditor ? "auditor" : "registrar";
    String password =
        asAuditor ? RegistryTestStack.AUDITOR_PASSWORD : RegistryTestStack.REGISTRAR_PASSWORD;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
