package org.forumledger.events.seal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One of the registry's Ed25519 key pairs (the JDK's own EdDSA) and its id. Keys travel as base64
 * of their standard encodings: PKCS#8 for the private key, X.509 SubjectPublicKeyInfo for the
 * public one.
 */
public record SigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {

  static final String ALGORITHM = "Ed25519";

  public static SigningKey generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      return new SigningKey(idOf(pair.getPublic()), pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every JDK 17 has Ed25519", e);
    }
  }

  /** A key from its base64 encodings; the id is derived from the public key when null or blank. */
  public static SigningKey of(String keyId, String privateKeyBase64, String publicKeyBase64) {
    PublicKey publicKey = publicKey(publicKeyBase64);
    try {
      PrivateKey privateKey =
          KeyFactory.getInstance(ALGORITHM)
              .generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64.trim())));
      String id = keyId == null || keyId.isBlank() ? idOf(publicKey) : keyId;
      SigningKey key = new SigningKey(id, privateKey, publicKey);
      byte[] probe = {1, 2, 3};
      if (!verify(publicKey, probe, key.sign(probe))) {
        throw new IllegalArgumentException("The private and public key of " + id + " do not match");
      }
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Not an Ed25519 private key (base64 PKCS#8)", e);
    }
  }

  public static PublicKey publicKey(String base64) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Not an Ed25519 public key (base64 X.509)", e);
    }
  }

  /** The id a public key has unless one is configured: 16 hex digits of its SHA-256. */
  public static String idOf(PublicKey publicKey) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
      return "ed25519-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  public String privateKeyBase64() {
    return Base64.getEncoder().encodeToString(privateKey.getEncoded());
  }

  /** Ed25519 is deterministic: the same bytes always get the same signature. */
  public byte[] sign(byte[] message) {
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(privateKey);
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign with " + keyId, e);
    }
  }

  static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "SigningKey[" + keyId + "]";
  }
}
