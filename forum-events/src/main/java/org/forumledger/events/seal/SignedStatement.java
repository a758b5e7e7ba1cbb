package org.forumledger.events.seal;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A statement the registry signs outside the event chain, such as a checkpoint of the chain's head:
 * the statement's JSON, the SHA-256 of its canonical bytes ({@link Seals#canonicalBytes(JsonNode)})
 * and the Ed25519 signature of that hash, with the key's id. Anyone with the public key can check
 * it, as they check an event's seal.
 */
public record SignedStatement(JsonNode statement, String hash, String keyId, String signature) {

  public static SignedStatement sign(JsonNode statement, SigningKey key) {
    byte[] hash = Seals.sha256(Seals.canonicalBytes(statement));
    return new SignedStatement(
        statement,
        HexFormat.of().formatHex(hash),
        key.keyId(),
        Base64.getEncoder().encodeToString(key.sign(hash)));
  }

  /**
   * @throws SealException when the key is unknown, the statement was changed after signing, or the
   *     signature is not that key's
   */
  public void verify(KeyRing keys) {
    PublicKey key =
        keys.find(keyId)
            .orElseThrow(
                () ->
                    new SealException(
                        SealException.Reason.UNKNOWN_KEY,
                        "no public key " + keyId + " is configured"));
    String actual = HexFormat.of().formatHex(Seals.sha256(Seals.canonicalBytes(statement)));
    if (!actual.equals(hash)) {
      throw new SealException(
          SealException.Reason.ALTERED, "the statement does not match its signed hash");
    }
    if (!Seals.signatureMatches(hash, signature, key)) {
      throw new SealException(
          SealException.Reason.BAD_SIGNATURE, "the statement is not signed by key " + keyId);
    }
  }
}
