package org.forumledger.importer;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.forumledger.importer.RegistryClient.Response;

/**
 * A recording fake of the registry: 201 with a Location for a registration, 200 for every write;
 * told to, it refuses a request with a problem body or cannot be reached.
 */
final class FakeRegistry implements RegistryTransport {

  record Sent(String method, String path, Object body, String idempotencyKey) {}

  final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
  boolean replay;
  Predicate<Sent> refuse = s -> false;
  Predicate<Sent> unreachable = s -> false;

  @Override
  public Response send(String method, String path, Object body, String idempotencyKey)
      throws IOException {
    Sent request = new Sent(method, path, body, idempotencyKey);
    sent.add(request);
    if (unreachable.test(request)) {
      throw new ConnectException("Connection refused");
    }
    if (refuse.test(request)) {
      return new Response(
          method,
          path,
          422,
          Optional.empty(),
          false,
          "{\"type\":\"https://forumledger.org/problems/rule-broken\",\"title\":\"A rule of the forum"
              + " was broken\",\"status\":422,\"detail\":\"toYear cannot be before fromYear\","
              + "\"errors\":[{\"field\":\"toYear\",\"message\":\"toYear cannot be before fromYear\"}]}");
    }
    if (path.equals("/forums")) {
      String section = ((RegistryBodies.RegisterForum) body).inventoryReference();
      return new Response(method, path, 201, Optional.of("/forums/id-" + section), replay, "{}");
    }
    return new Response(method, path, 200, Optional.empty(), replay, "{}");
  }
}
