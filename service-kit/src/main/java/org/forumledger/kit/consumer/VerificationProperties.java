package org.forumledger.kit.consumer;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The registry's public keys a consumer checks seals with ({@code ledger.verification}): {@code
 * public-keys} (key id to base64 X.509, as {@code GET /keys} on the registry lists them) and/or
 * {@code key-dir}, a directory of {@code <id>.public} files (the local stack's), read again when a
 * record names a key not yet seen.
 */
@ConfigurationProperties("ledger.verification")
public record VerificationProperties(Map<String, String> publicKeys, String keyDir) {

  public VerificationProperties {
    publicKeys = publicKeys == null ? Map.of() : Map.copyOf(publicKeys);
  }
}
