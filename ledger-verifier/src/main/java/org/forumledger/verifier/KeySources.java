package org.forumledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.forumledger.events.EventJson;
import org.forumledger.events.seal.KeyFiles;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.events.seal.SigningKey;

/**
 * The public keys an auditor gives with {@code --key}, each one of: a directory of the registry's
 * {@code <id>.public} files; a file with the JSON the registry answers to {@code GET /keys}; a file
 * holding one base64 X.509 public key; or that base64 itself. A key with no id of its own (a bare
 * key, or a file not named {@code <id>.public}) is known by the id the registry derives from it
 * ({@link SigningKey#idOf}).
 */
final class KeySources {

  private static final String PUBLIC = ".public";

  private final Map<String, PublicKey> keys = new TreeMap<>();

  void add(String argument) throws UsageException {
    Path path = Path.of(argument);
    try {
      if (Files.isDirectory(path)) {
        Map<String, PublicKey> found = KeyFiles.publicKeys(path);
        if (found.isEmpty()) {
          throw new UsageException("--key " + argument + ": no *.public key files in it");
        }
        keys.putAll(found);
      } else if (Files.isRegularFile(path)) {
        addFile(path, Files.readString(path, StandardCharsets.UTF_8).trim());
      } else {
        addBare(argument);
      }
    } catch (IOException | RuntimeException e) {
      throw new UsageException("--key " + argument + ": " + e.getMessage(), e);
    }
  }

  private void addFile(Path file, String content) throws UsageException {
    if (content.startsWith("{")) {
      addKeysAnswer(file, content);
      return;
    }
    String name = file.getFileName().toString();
    PublicKey key = SigningKey.publicKey(content);
    keys.put(
        name.endsWith(PUBLIC)
            ? name.substring(0, name.length() - PUBLIC.length())
            : SigningKey.idOf(key),
        key);
  }

  /** {@code {"activeKeyId": "…", "keys": [{"keyId", "algorithm", "publicKey", "active"}]}}. */
  private void addKeysAnswer(Path file, String content) throws UsageException {
    JsonNode answer;
    try {
      answer = EventJson.mapper().readTree(content);
    } catch (IOException e) {
      throw new UsageException("--key " + file + ": not the JSON of GET /keys", e);
    }
    JsonNode list = answer.path("keys");
    if (!list.isArray() || list.isEmpty()) {
      throw new UsageException("--key " + file + ": the JSON has no \"keys\"");
    }
    for (JsonNode entry : list) {
      String algorithm = entry.path("algorithm").asText("Ed25519");
      if (!"Ed25519".equals(algorithm)) {
        throw new UsageException("--key " + file + ": algorithm " + algorithm + " is not Ed25519");
      }
      PublicKey key = SigningKey.publicKey(entry.path("publicKey").asText(""));
      String id = entry.path("keyId").asText("");
      keys.put(id.isBlank() ? SigningKey.idOf(key) : id, key);
    }
  }

  private void addBare(String argument) throws UsageException {
    PublicKey key;
    try {
      key = SigningKey.publicKey(argument);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "--key " + argument + ": no such file or directory, and not a base64 Ed25519 public key");
    }
    keys.put(SigningKey.idOf(key), key);
  }

  boolean isEmpty() {
    return keys.isEmpty();
  }

  /** The ids of the keys given, for the report. */
  Set<String> ids() {
    return keys.keySet();
  }

  KeyRing ring() {
    return KeyRing.of(keys);
  }
}
