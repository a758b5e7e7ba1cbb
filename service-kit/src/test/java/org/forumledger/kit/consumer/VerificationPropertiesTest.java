package org.forumledger.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.forumledger.events.seal.SigningKey;
import org.junit.jupiter.api.Test;

class VerificationPropertiesTest {

  @Test
  void aKeyGivenWithoutItsIdIsKnownByTheIdTheRegistryDerivesForIt() {
    SigningKey registry = SigningKey.generate();
    SigningKey retired = SigningKey.generate();

    VerificationProperties properties =
        new VerificationProperties(
            Map.of("named", retired.publicKeyBase64()),
            List.of(" " + registry.publicKeyBase64() + " ", ""),
            null);

    assertThat(properties.keysById())
        .containsOnly(
            Map.entry(registry.keyId(), registry.publicKeyBase64()),
            Map.entry("named", retired.publicKeyBase64()));
  }
}
