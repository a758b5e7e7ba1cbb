package org.forumledger.registry.publication;

import java.util.Base64;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys that check the registry's seals: what a consumer or an auditor configures. The
 * active key signs what is published now; the others signed earlier events and stay listed.
 */
@RestController
public class KeysController {

  public record PublicKeyBody(String keyId, String algorithm, String publicKey, boolean active) {}

  public record KeysBody(String activeKeyId, List<PublicKeyBody> keys) {}

  private final RegistryKeys keys;

  public KeysController(RegistryKeys keys) {
    this.keys = keys;
  }

  @GetMapping("/keys")
  public KeysBody keys() {
    String active = keys.active().keyId();
    return new KeysBody(
        active,
        keys.publicKeys().entrySet().stream()
            .map(
                e ->
                    new PublicKeyBody(
                        e.getKey(),
                        "Ed25519",
                        Base64.getEncoder().encodeToString(e.getValue().getEncoded()),
                        e.getKey().equals(active)))
            .toList());
  }
}
