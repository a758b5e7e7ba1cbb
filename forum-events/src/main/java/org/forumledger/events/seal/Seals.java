package org.forumledger.events.seal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import org.forumledger.events.EventJson;

/**
 * Sealing and checking an event, the same code in the registry, every consumer and the offline
 * verifier.
 *
 * <p><b>Canonical bytes.</b> The object {@code {"chainSequence": n, "metadata": {…}, "payload":
 * {…}, "previousHash": "…"}} written by the contract's mapper ({@link EventJson}) as UTF-8 JSON
 * with no white space, the members of every object sorted by name (Java string order), arrays in
 * their order, nulls kept, numbers as they were read (an amount keeps its scale: {@code 17250.00}).
 * Metadata and payload are taken as the JSON trees of the record's value, not as this contract's
 * Java types, so a reader with an older contract (a field it does not know, a type it skips) hashes
 * exactly what the registry hashed.
 *
 * <p><b>Hash and signature.</b> The hash is SHA-256 of the canonical bytes; the signature is
 * Ed25519 of the hash's 32 bytes with the key named by the key id.
 */
public final class Seals {

  public static final String SEAL = "seal";
  public static final String METADATA = "metadata";
  public static final String PAYLOAD = "payload";

  private static final ObjectMapper MAPPER = EventJson.mapper();
  private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

  /**
   * The contract's mapper writing every object's members sorted by name (Java string order), as it
   * writes them: the canonical form without a sorted copy of the tree, which a replay's profile
   * found in a fifth of its hashing (a tree map and a new object per object of every record).
   */
  private static final ObjectWriter CANONICAL =
      MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

  private Seals() {}

  public static byte[] canonicalBytes(
      JsonNode metadata, JsonNode payload, long chainSequence, String previousHash) {
    ObjectNode preimage = NODES.objectNode();
    preimage.put("chainSequence", chainSequence);
    preimage.set(METADATA, metadata);
    preimage.set(PAYLOAD, payload);
    preimage.put("previousHash", previousHash);
    try {
      return CANONICAL.writeValueAsBytes(preimage);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write canonical bytes", e);
    }
  }

  /** Any JSON value in the canonical form: sorted members, no white space, numbers as written. */
  public static byte[] canonicalBytes(JsonNode value) {
    try {
      return CANONICAL.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write canonical bytes", e);
    }
  }

  /** A record's value with its seal: the bytes to publish and the seal they carry. */
  public record Sealed(byte[] value, EventSeal seal) {}

  /**
   * Seals an unsealed record value ({@code metadata} and {@code payload}) as the link after {@code
   * previous}. The same value, link and key always give the same bytes.
   */
  public static Sealed seal(byte[] value, ChainLink previous, SigningKey key) {
    ObjectNode envelope = (ObjectNode) readTree(value);
    envelope.remove(SEAL);
    long sequence = previous.sequence() + 1;
    byte[] hash =
        sha256(
            canonicalBytes(
                envelope.required(METADATA),
                envelope.required(PAYLOAD),
                sequence,
                previous.hash()));
    EventSeal seal =
        new EventSeal(
            sequence,
            previous.hash(),
            HexFormat.of().formatHex(hash),
            key.keyId(),
            Base64.getEncoder().encodeToString(key.sign(hash)));
    envelope.set(SEAL, MAPPER.valueToTree(seal));
    try {
      return new Sealed(MAPPER.writeValueAsBytes(envelope), seal);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a sealed event", e);
    }
  }

  /**
   * An unsealed record value with a seal made before (the registry republishing an event it already
   * sealed): the same bytes as when it was sealed.
   *
   * @throws IllegalArgumentException when the seal's hash is not the value's
   */
  public static byte[] attach(byte[] value, EventSeal seal) {
    ObjectNode envelope = (ObjectNode) readTree(value);
    envelope.remove(SEAL);
    String hash =
        hashHex(
            envelope.required(METADATA),
            envelope.required(PAYLOAD),
            seal.chainSequence(),
            seal.previousHash());
    if (!hash.equals(seal.hash())) {
      throw new IllegalArgumentException(
          "The seal of chain sequence " + seal.chainSequence() + " is not this event's");
    }
    envelope.set(SEAL, MAPPER.valueToTree(seal));
    try {
      return MAPPER.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a sealed event", e);
    }
  }

  /**
   * The record's seal once its hash matches its metadata and payload and its signature is the named
   * key's. Where it stands in the chain is the caller's question ({@link ChainLink#step}).
   *
   * @throws SealException when the record has no seal, names an unknown key, was altered or is not
   *     signed by that key
   * @throws UncheckedIOException when the bytes are no JSON envelope
   */
  public static EventSeal verify(byte[] value, KeyRing keys) {
    return verify(readTree(value), keys);
  }

  public static EventSeal verify(JsonNode envelope, KeyRing keys) {
    return hashed(envelope, keys).signed();
  }

  /**
   * The record's seal once its hash matches its metadata and payload and it names a configured key,
   * its signature not yet checked: {@link Hashed#signed()} checks it. A signed link vouches for
   * every link before it whose hash was checked, since each seal's hash covers the previous hash.
   *
   * @throws SealException when the record has no seal, names an unknown key or was altered
   * @throws UncheckedIOException when the bytes are no JSON envelope
   */
  public static Hashed hashed(JsonNode envelope, KeyRing keys) {
    JsonNode sealNode = envelope.get(SEAL);
    if (sealNode == null || !sealNode.isObject()) {
      throw new SealException(SealException.Reason.UNSIGNED, "the record carries no seal");
    }
    EventSeal seal;
    try {
      seal = MAPPER.treeToValue(sealNode, EventSeal.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SealException(SealException.Reason.UNSIGNED, "the seal is unreadable");
    }
    if (seal.hash() == null || seal.previousHash() == null || seal.signature() == null) {
      throw new SealException(SealException.Reason.UNSIGNED, "the seal is incomplete");
    }
    JsonNode metadata = envelope.get(METADATA);
    JsonNode payload = envelope.get(PAYLOAD);
    if (metadata == null || payload == null) {
      throw new UncheckedIOException(
          new IOException("Unreadable forum event: no metadata or payload"));
    }
    PublicKey key =
        keys.find(String.valueOf(seal.keyId()))
            .orElseThrow(
                () ->
                    new SealException(
                        SealException.Reason.UNKNOWN_KEY,
                        "no public key " + seal.keyId() + " is configured"));
    byte[] hash =
        sha256(canonicalBytes(metadata, payload, seal.chainSequence(), seal.previousHash()));
    if (!HexFormat.of().formatHex(hash).equals(seal.hash())) {
      throw new SealException(
          SealException.Reason.ALTERED,
          "chain sequence "
              + seal.chainSequence()
              + ": metadata or payload do not match the sealed hash");
    }
    return new Hashed(seal, key, hash);
  }

  /** A seal whose hash is the record's, and the key it names. */
  public record Hashed(EventSeal seal, PublicKey key, byte[] hash) {

    /**
     * @throws SealException when the signature is not the named key's
     */
    public EventSeal signed() {
      byte[] signature;
      try {
        signature = Base64.getDecoder().decode(seal.signature());
      } catch (IllegalArgumentException e) {
        signature = new byte[0];
      }
      if (!SigningKey.verify(key, hash, signature)) {
        throw new SealException(
            SealException.Reason.BAD_SIGNATURE,
            "chain sequence " + seal.chainSequence() + " is not signed by key " + seal.keyId());
      }
      return seal;
    }
  }

  /** Checks a signature made over a hash given as hex, e.g. a stored audit entry's. */
  public static boolean signatureMatches(String hashHex, String signatureBase64, PublicKey key) {
    try {
      return SigningKey.verify(
          key, HexFormat.of().parseHex(hashHex), Base64.getDecoder().decode(signatureBase64));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static String hashHex(
      JsonNode metadata, JsonNode payload, long chainSequence, String previousHash) {
    return HexFormat.of()
        .formatHex(sha256(canonicalBytes(metadata, payload, chainSequence, previousHash)));
  }

  public static JsonNode readTree(byte[] value) {
    try {
      JsonNode tree = MAPPER.readTree(value);
      if (tree == null || !tree.isObject()) {
        throw new IOException("not a JSON object");
      }
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("Unreadable forum event: " + e.getMessage(), e));
    }
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
