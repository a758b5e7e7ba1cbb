package org.forumledger.registry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.forumledger.registry.RegistryTestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bodies over the limit and JSON nested ten thousand deep, sent by a real HTTP client to the
 * registry's write endpoints: each gets a problem as its answer (413, 400), never a reset
 * connection or a 500, and writes nothing.
 */
class HostileBodiesIT {

  static RegistryTestStack stack;
  static HttpClient http;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void start() {
    stack = RegistryTestStack.start();
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    jdbc = stack.context().getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  static HttpResponse<String> send(String method, String path, String body) throws Exception {
    String credentials = "registrar:" + RegistryTestStack.REGISTRAR_PASSWORD;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static long storedEvents() {
    return stack.storedEvents();
  }

  static String bodyOf(int bytes) {
    String head = "{\"name\": \"";
    String tail = "\", \"area\": \"Offentlig förvaltning\"}";
    return head + "x".repeat(bytes - head.length() - tail.length() - 1) + tail;
  }

  @ParameterizedTest(name = "{0} {1} with {2} bytes")
  @CsvSource({
    "POST, /forums, 70000",
    "POST, /forums, 300000",
    "POST, /forums, 2000000",
    "PUT, /forums/00000000-0000-0000-0000-000000000001/details, 300000",
    "PUT, /forums/00000000-0000-0000-0000-000000000001/details, 2000000"
  })
  void aBodyOverTheLimitIs413ProblemJson(String method, String path, int bytes) throws Exception {
    long before = storedEvents();

    HttpResponse<String> response = send(method, path, bodyOf(bytes));

    System.out.printf(
        "MEASURED %s %s %d bytes -> %d%n", method, path, bytes, response.statusCode());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"type\":\"https://forumledger.org/problems/body-too-large\"");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} {1} nested {2} deep in {3}")
  @CsvSource({
    "POST, /forums, 10000, arrays",
    "POST, /forums, 10000, objects",
    "PUT, /forums/00000000-0000-0000-0000-000000000001/details, 10000, arrays"
  })
  void jsonNestedTenThousandDeepIs400ProblemJson(String method, String path, int depth, String kind)
      throws Exception {
    long before = storedEvents();
    String nested =
        kind.equals("arrays")
            ? "[".repeat(depth) + "]".repeat(depth)
            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);

    HttpResponse<String> response = send(method, path, "{\"name\": " + nested + "}");

    System.out.printf(
        "MEASURED %s %s nested %d deep -> %d%n", method, path, depth, response.statusCode());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"type\":\"https://forumledger.org/problems/malformed-request\"")
        .doesNotContain("StackOverflow")
        .doesNotContain("tools.jackson");
    assertThat(storedEvents()).isEqualTo(before);
  }
}
