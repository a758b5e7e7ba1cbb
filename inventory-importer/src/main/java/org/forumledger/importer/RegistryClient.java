package org.forumledger.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.forumledger.events.EventJson;

/** The registry's HTTP API as the importer uses it: JSON writes with Basic auth. */
final class RegistryClient implements RegistryTransport {

  static final String CORRELATION_ID = "inventory-2023";

  private static final ObjectMapper JSON = EventJson.mapper();

  private final HttpClient http;
  private final String baseUrl;
  private final String authorization;

  RegistryClient(String baseUrl, String username, String password) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every plain-http request
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  record Response(
      String method,
      String path,
      int status,
      Optional<String> location,
      boolean replayed,
      String body) {

    boolean successful() {
      return status >= 200 && status < 300;
    }

    /** "PUT /forums/x/fees/2023 answered 422 (title): detail [field: message]". */
    String describeFailure() {
      return method + " " + path + " answered " + status + problemText(body);
    }
  }

  @Override
  public Response send(String method, String path, Object body, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .header("Idempotency-Key", idempotencyKey)
            .header("X-Correlation-Id", CORRELATION_ID)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(json(body)))
            .build();
    HttpResponse<String> response =
        http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(
        method,
        path,
        response.statusCode(),
        response.headers().firstValue("Location"),
        response
            .headers()
            .firstValue("Idempotent-Replayed")
            .map("true"::equalsIgnoreCase)
            .orElse(false),
        response.body());
  }

  static byte[] json(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write request body " + body, e);
    }
  }

  /** The forum id from a {@code Location: /forums/{id}} header. */
  static Optional<String> forumIdFrom(String location) {
    String path = URI.create(location).getPath();
    String prefix = "/forums/";
    int at = path.lastIndexOf(prefix);
    if (at < 0) {
      return Optional.empty();
    }
    String id = path.substring(at + prefix.length());
    return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(id);
  }

  /** The interesting part of an RFC 9457 problem body, or a short excerpt of any other body. */
  static String problemText(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode problem = JSON.readTree(body);
      if (problem != null && problem.isObject()) {
        StringBuilder text = new StringBuilder();
        if (problem.hasNonNull("title")) {
          text.append(" (").append(problem.get("title").asText()).append(')');
        }
        if (problem.hasNonNull("detail")) {
          text.append(": ").append(problem.get("detail").asText());
        }
        List<String> fieldErrors = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
          fieldErrors.add(error.path("field").asText() + ": " + error.path("message").asText());
        }
        if (!fieldErrors.isEmpty()) {
          text.append(" [").append(String.join("; ", fieldErrors)).append(']');
        }
        if (text.length() > 0) {
          return text.toString();
        }
      }
    } catch (JsonProcessingException notJson) {
      // fall through to the raw excerpt
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return ": " + (flat.length() > 300 ? flat.substring(0, 300) + "…" : flat);
  }
}
