package org.forumledger.events.seal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The registry's keys kept in a directory, as the local stack keeps them with its data: {@code
 * <id>.private} (base64 PKCS#8, readable by the owner only), {@code <id>.public} (base64 X.509) and
 * {@code active} naming the key that signs. A rotation adds a pair and names it active; the old
 * public keys stay, so that their events stay verifiable.
 */
public final class KeyFiles {

  static final String ACTIVE = "active";
  static final String PRIVATE = ".private";
  static final String PUBLIC = ".public";

  private KeyFiles() {}

  /** The active key, generated on the first call for an empty directory. */
  public static synchronized SigningKey activeOrCreate(Path dir) {
    return active(dir).orElseGet(() -> rotate(dir));
  }

  public static Optional<SigningKey> active(Path dir) {
    Path active = dir.resolve(ACTIVE);
    if (!Files.exists(active)) {
      return Optional.empty();
    }
    try {
      String id = Files.readString(active, StandardCharsets.UTF_8).trim();
      return Optional.of(
          SigningKey.of(
              id,
              Files.readString(dir.resolve(id + PRIVATE), StandardCharsets.UTF_8),
              Files.readString(dir.resolve(id + PUBLIC), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the signing key in " + dir, e);
    }
  }

  /** Generates a new key, keeps it in the directory and makes it the active one. */
  public static synchronized SigningKey rotate(Path dir) {
    SigningKey key = SigningKey.generate();
    try {
      Files.createDirectories(dir);
      Path privateFile = dir.resolve(key.keyId() + PRIVATE);
      Files.writeString(privateFile, key.privateKeyBase64(), StandardCharsets.UTF_8);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(dir.resolve(key.keyId() + PUBLIC), key.publicKeyBase64());
      Path next = dir.resolve(ACTIVE + ".next");
      Files.writeString(next, key.keyId(), StandardCharsets.UTF_8);
      Files.move(next, dir.resolve(ACTIVE), StandardCopyOption.REPLACE_EXISTING);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep a signing key in " + dir, e);
    }
  }

  /** Every public key in the directory, by id. */
  public static Map<String, PublicKey> publicKeys(Path dir) {
    Map<String, PublicKey> keys = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return keys;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(PUBLIC)) {
          keys.put(
              name.substring(0, name.length() - PUBLIC.length()),
              SigningKey.publicKey(Files.readString(file, StandardCharsets.UTF_8)));
        }
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the public keys in " + dir, e);
    }
  }

  /**
   * The public keys in the directory, read again when a record names a key not yet seen, so that a
   * rotation needs no restart of the readers.
   */
  public static KeyRing ring(Path dir) {
    Map<String, PublicKey> known = new java.util.concurrent.ConcurrentHashMap<>(publicKeys(dir));
    return keyId -> {
      PublicKey key = known.get(keyId);
      if (key == null) {
        known.putAll(publicKeys(dir));
        key = known.get(keyId);
      }
      return Optional.ofNullable(key);
    };
  }
}
