package org.forumledger.events.testing;

import java.util.Map;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.events.seal.SigningKey;

/**
 * Fixed registry keys for tests, so that a test's producer and the service under test agree without
 * a key file: {@link #REGISTRY} signs, {@link #RETIRED} stands for a key used before a rotation.
 * Never used outside tests.
 */
public final class TestKeys {

  public static final SigningKey REGISTRY =
      SigningKey.of(
          "test-registry-2",
          "MC4CAQAwBQYDK2VwBCIEINgudvd/EInUwIJt+E2WBQoMTT9DKRhORRHV50oX8ruP",
          "MCowBQYDK2VwAyEAtV0EOOkh76s2BGweUF2bTQO5FL5vWxJwkCPlVkg/sxo=");

  public static final SigningKey RETIRED =
      SigningKey.of(
          "test-registry-1",
          "MC4CAQAwBQYDK2VwBCIEIPdFfDIU3AZbYDbdV477B1HnDLl38wRDgvih6YvMVN1T",
          "MCowBQYDK2VwAyEA/ILPcQvpfwIDIn8U7PehhgA8/mhupVQ+tLHuOpsn2GY=");

  /** A key no service is configured with: what a forger would sign with. */
  public static final SigningKey FORGER = SigningKey.generate();

  private TestKeys() {}

  public static KeyRing ring() {
    return KeyRing.of(
        Map.of(
            REGISTRY.keyId(), REGISTRY.publicKey(),
            RETIRED.keyId(), RETIRED.publicKey()));
  }

  /**
   * The properties that configure a consumer with both test keys ({@code
   * ledger.verification.public-keys.<id>}).
   */
  public static String[] consumerProperties() {
    return new String[] {
      "ledger.verification.public-keys." + REGISTRY.keyId() + "=" + REGISTRY.publicKeyBase64(),
      "ledger.verification.public-keys." + RETIRED.keyId() + "=" + RETIRED.publicKeyBase64()
    };
  }
}
