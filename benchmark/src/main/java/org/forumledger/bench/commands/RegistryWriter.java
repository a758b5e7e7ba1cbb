package org.forumledger.bench.commands;

import java.util.Map;
import java.util.UUID;
import org.forumledger.bench.http.Http;

/**
 * Sends one client's commands as a registrar would: an Idempotency-Key per request, If-Match with
 * the forum's current ETag, and the new ETag kept from the answer.
 */
public final class RegistryWriter {

  /**
   * An answered command: its forum and the forum's version after it, and whether the version moved
   * (a command that changes nothing writes no event).
   */
  public record Written(
      RegistryCommand command,
      Http.Answer answer,
      String forumId,
      long version,
      boolean newEvent) {}

  private final Http http;
  private final String registryUrl;
  private final String authorization;
  private final CommandMix mix;

  public RegistryWriter(Http http, String registryUrl, String authorization, CommandMix mix) {
    this.http = http;
    this.registryUrl = registryUrl;
    this.authorization = authorization;
    this.mix = mix;
  }

  public Written next() {
    RegistryCommand command = mix.next();
    BenchForum forum = command.forum();
    Map<String, String> headers =
        forum == null
            ? Map.of("Idempotency-Key", UUID.randomUUID().toString())
            : Map.of(
                "Idempotency-Key",
                UUID.randomUUID().toString(),
                "If-Match",
                "\"" + forum.version() + "\"");
    Http.Answer answer =
        http.send(
            command.method(), registryUrl + command.path(), authorization, command.body(), headers);
    if (!answer.ok()) {
      return new Written(command, answer, forum == null ? null : forum.forumId(), -1, false);
    }
    long version = etagVersion(answer);
    if (forum == null) {
      String location = answer.location().orElseThrow();
      BenchForum registered =
          new BenchForum(location.substring(location.lastIndexOf('/') + 1), version);
      mix.registered(registered);
      return new Written(command, answer, registered.forumId(), version, true);
    }
    boolean moved = version > forum.version();
    forum.version(version);
    return new Written(command, answer, forum.forumId(), version, moved);
  }

  static long etagVersion(Http.Answer answer) {
    String etag = answer.etag().orElseThrow(() -> new IllegalStateException("No ETag"));
    return Long.parseLong(etag.replace("W/", "").replace("\"", "").strip());
  }

  public static String describe(Written written) {
    return written.answer().status()
        + " "
        + written.command().method()
        + " "
        + written.command().path()
        + ": "
        + written.answer().snippet();
  }
}
