package org.forumledger.web.signin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the registry, cost and reporting services: answers the forum list with no forums
 * and keeps the {@code Authorization} header of every request, which is what the web app sends as
 * the person.
 */
final class FakeServices implements AutoCloseable {

  /** One request the web app made: where, and the credentials it carried. */
  record Call(String path, String authorization) {}

  /** One request the web app made, and the correlation id it carried. */
  record Correlated(String path, String correlationId) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Correlated> correlated = new CopyOnWriteArrayList<>();

  private FakeServices() throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          calls.add(
              new Call(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Authorization")));
          correlated.add(
              new Correlated(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
          byte[] body =
              "{\"position\":0,\"count\":0,\"forums\":[]}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (var out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  static FakeServices start() throws IOException {
    return new FakeServices();
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Correlated> correlated() {
    return List.copyOf(correlated);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
