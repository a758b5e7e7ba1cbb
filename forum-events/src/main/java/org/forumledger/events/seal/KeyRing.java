package org.forumledger.events.seal;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's public keys by id: the current one and every retired one, so that events signed
 * before a rotation stay verifiable.
 */
@FunctionalInterface
public interface KeyRing {

  Optional<PublicKey> find(String keyId);

  static KeyRing of(Map<String, PublicKey> keys) {
    Map<String, PublicKey> copy = Map.copyOf(keys);
    return keyId -> Optional.ofNullable(copy.get(keyId));
  }

  /** Keys given as base64 X.509, by id. */
  static KeyRing ofBase64(Map<String, String> keys) {
    Map<String, PublicKey> decoded = new java.util.HashMap<>();
    keys.forEach((id, base64) -> decoded.put(id, SigningKey.publicKey(base64)));
    return of(decoded);
  }

  /** This ring, and where it has no key of that id, the other. */
  default KeyRing or(KeyRing other) {
    return keyId -> find(keyId).or(() -> other.find(keyId));
  }
}
