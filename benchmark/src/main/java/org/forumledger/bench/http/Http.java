package org.forumledger.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.forumledger.bench.stats.Daemons;
import org.forumledger.events.EventJson;

/**
 * The JDK's HTTP client over HTTP/1.1, shared by every load thread. Bodies are read to the end (a
 * read is answered when its last byte arrives) but only their first kilobytes are kept, so a large
 * appendix costs no memory.
 */
public final class Http {

  private static final int KEPT_BODY_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = EventJson.mapper();

  private final HttpClient client;
  private final Duration timeout;

  public Http(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newCachedThreadPool(Daemons.named("http")))
            .build();
  }

  /** An answer: its status, its headers that matter here and the beginning of its body. */
  public record Answer(int status, String body, Optional<String> etag, Optional<String> location) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON (" + status + "): " + snippet(), e);
      }
    }

    public String snippet() {
      String flat = body.replaceAll("\\s+", " ").strip();
      return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
  }

  public Answer get(String url, String authorization) {
    return send("GET", url, authorization, null, Map.of());
  }

  /** A GET whose whole body is kept, for an answer the benchmark reads as JSON. */
  public Answer getWhole(String url, String authorization) {
    return send("GET", url, authorization, null, Map.of(), Integer.MAX_VALUE);
  }

  public Answer post(String url, String authorization) {
    return send("POST", url, authorization, null, Map.of());
  }

  public Answer send(
      String method,
      String url,
      String authorization,
      String jsonBody,
      Map<String, String> headers) {
    return send(method, url, authorization, jsonBody, headers, KEPT_BODY_BYTES);
  }

  private Answer send(
      String method,
      String url,
      String authorization,
      String jsonBody,
      Map<String, String> headers,
      int keptBytes) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    headers.forEach(request::header);
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<InputStream> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      String body = readKeepingStart(response.body(), keptBytes);
      return new Answer(
          response.statusCode(),
          body,
          response.headers().firstValue("ETag"),
          response.headers().firstValue("Location"));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private static String readKeepingStart(InputStream in, int keptBytes) throws IOException {
    try (in) {
      ByteArrayOutputStream kept = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      int read;
      while ((read = in.read(buffer)) != -1) {
        int room = Math.min(read, keptBytes - kept.size());
        kept.write(buffer, 0, Math.max(0, room));
      }
      return kept.toString(StandardCharsets.UTF_8);
    }
  }

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
