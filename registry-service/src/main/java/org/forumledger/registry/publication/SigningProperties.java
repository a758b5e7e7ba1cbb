package org.forumledger.registry.publication;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The registry's signing key ({@code ledger.signing}): either given whole ({@code private-key} and
 * {@code public-key}, base64 PKCS#8 and X.509, with an optional {@code key-id}), as a deployment
 * gives it from its secrets, or kept in {@code key-dir} (see {@link
 * org.forumledger.events.seal.KeyFiles}), where it is generated on the first start. {@code
 * retired-public-keys} (id to base64 X.509) are the keys of earlier events, still served.
 */
@ConfigurationProperties("ledger.signing")
public record SigningProperties(
    String keyDir,
    String keyId,
    String privateKey,
    String publicKey,
    Map<String, String> retiredPublicKeys) {

  public SigningProperties {
    retiredPublicKeys = retiredPublicKeys == null ? Map.of() : Map.copyOf(retiredPublicKeys);
  }
}
