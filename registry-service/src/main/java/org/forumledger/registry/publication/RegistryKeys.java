package org.forumledger.registry.publication;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.TreeMap;
import org.forumledger.events.seal.KeyFiles;
import org.forumledger.events.seal.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The key that seals what the registry publishes now, and every public key it has sealed with. */
@Component
public class RegistryKeys {

  private static final Logger log = LoggerFactory.getLogger(RegistryKeys.class);

  private final SigningKey active;
  private final Map<String, PublicKey> publicKeys;

  public RegistryKeys(SigningProperties properties) {
    Map<String, PublicKey> keys = new TreeMap<>();
    boolean given = properties.privateKey() != null && !properties.privateKey().isBlank();
    boolean kept = properties.keyDir() != null && !properties.keyDir().isBlank();
    if (given) {
      if (properties.publicKey() == null || properties.publicKey().isBlank()) {
        throw new IllegalStateException(
            "ledger.signing.private-key needs ledger.signing.public-key (base64 X.509)");
      }
      active = SigningKey.of(properties.keyId(), properties.privateKey(), properties.publicKey());
    } else if (kept) {
      Path dir = Path.of(properties.keyDir());
      active = KeyFiles.activeOrCreate(dir);
      keys.putAll(KeyFiles.publicKeys(dir));
    } else {
      throw new IllegalStateException(
          "The registry signs every event it publishes: configure ledger.signing.key-dir"
              + " (LEDGER_SIGNING_KEY_DIR) or ledger.signing.private-key and public-key");
    }
    properties
        .retiredPublicKeys()
        .forEach((id, base64) -> keys.put(id, SigningKey.publicKey(base64)));
    keys.put(active.keyId(), active.publicKey());
    this.publicKeys = Map.copyOf(keys);
    log.info("Sealing published events with key {} ({} public keys)", active.keyId(), keys.size());
  }

  public SigningKey active() {
    return active;
  }

  /** By id, the active key among them. */
  public Map<String, PublicKey> publicKeys() {
    return new TreeMap<>(publicKeys);
  }
}
