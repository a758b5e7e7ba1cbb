package org.forumledger.web.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Stands in for the registry, cost and reporting services at one address: answers each request as
 * the test says and keeps what it was sent, so a page test sees both what the page drew from the
 * answers and what it asked for.
 */
public final class StandInServices implements AutoCloseable {

  /** A request the stand-in received: method, path, If-Match and body. */
  public record Received(String method, String path, String ifMatch, String body) {

    public String route() {
      return method + " " + path;
    }
  }

  /** What the stand-in answers. */
  public record Answer(int status, String contentType, String body) {

    public static Answer json(String body) {
      return new Answer(200, "application/json", body);
    }

    public static Answer problem(int status, String body) {
      return new Answer(status, "application/problem+json", body);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private StandInServices(Function<Received, Answer> answers) throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Received request =
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("If-Match"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          received.add(request);
          Answer answer = answers.apply(request);
          byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", answer.contentType());
          exchange.sendResponseHeaders(answer.status(), bytes.length);
          try (var out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  /** Answers each request as {@code answers} says. */
  public static StandInServices answering(Function<Received, Answer> answers) throws IOException {
    return new StandInServices(answers);
  }

  /** Answers the routes ("GET /units") in {@code bodies} with their JSON, anything else 404. */
  public static StandInServices answering(Map<String, String> bodies) throws IOException {
    return answering(
        request -> {
          String body = bodies.get(request.route());
          return body == null ? Answer.problem(404, "{\"status\":404}") : Answer.json(body);
        });
  }

  public String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public void forget() {
    received.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
