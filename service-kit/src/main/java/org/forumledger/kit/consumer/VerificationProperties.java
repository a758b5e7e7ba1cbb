package org.forumledger.kit.consumer;

import java.util.List;
import java.util.Map;
import org.forumledger.events.seal.SigningKey;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The registry's public keys a consumer checks seals with ({@code ledger.verification}): {@code
 * public-keys} (key id to base64 X.509, as {@code GET /keys} on the registry lists them) and/or
 * {@code keys}, base64 X.509 keys whose ids are derived from the keys as the registry derives them
 * when no id is configured (one environment variable, {@code LEDGER_VERIFICATION_KEYS}, comma
 * separated), and/or {@code key-dir}, a directory of {@code <id>.public} files (the local stack's),
 * read again when a record names a key not yet seen.
 */
@ConfigurationProperties("ledger.verification")
public record VerificationProperties(
    Map<String, String> publicKeys, List<String> keys, String keyDir) {

  public VerificationProperties {
    publicKeys = publicKeys == null ? Map.of() : Map.copyOf(publicKeys);
    keys =
        keys == null
            ? List.of()
            : keys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
  }

  /** Every configured key by id: the named ones and the ones whose id is derived. */
  public Map<String, String> keysById() {
    Map<String, String> byId = new java.util.HashMap<>(publicKeys);
    keys.forEach(key -> byId.put(SigningKey.idOf(SigningKey.publicKey(key)), key));
    return Map.copyOf(byId);
  }
}
