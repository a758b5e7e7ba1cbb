package org.forumledger.registry.forum.api;

import org.springframework.http.ResponseEntity;

/** A resource's version as its ETag, the value a write's {@code If-Match} sends back. */
public final class VersionTag {

  private VersionTag() {}

  public static <T> ResponseEntity<T> of(ResponseEntity.BodyBuilder builder, long version, T body) {
    return builder.eTag("\"" + version + "\"").body(body);
  }
}
