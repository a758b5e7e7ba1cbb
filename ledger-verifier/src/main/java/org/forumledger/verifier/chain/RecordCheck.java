package org.forumledger.verifier.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.forumledger.events.EventJson;
import org.forumledger.events.seal.EventSeal;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.events.seal.SealException;
import org.forumledger.events.seal.Seals;

/**
 * One line on its own: exactly one JSON object, and a seal whose hash matches the record and whose
 * signature is the named key's ({@link Seals#verify}). Stricter than a consumer reading a record:
 * nothing may follow the object, no member may come twice and no white space may surround it, so
 * that every changed byte of the line is either a changed value (and fails the hash) or no JSON.
 */
public final class RecordCheck {

  /** What one line is. */
  public sealed interface Outcome permits Verified, Failed {}

  /** The record, read with the contract's exact decimals, and the seal that vouches for it. */
  public record Verified(JsonNode record, EventSeal seal) implements Outcome {}

  public record Failed(LineFailure failure) implements Outcome {}

  private static final ObjectMapper STRICT =
      EventJson.newMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());

  private RecordCheck() {}

  public static Outcome check(int line, byte[] bytes, KeyRing keys) {
    JsonNode record;
    try {
      record = read(bytes);
    } catch (IOException e) {
      return failed(line, Problem.NOT_JSON, e.getMessage());
    }
    try {
      EventSeal seal = Seals.verify(record, keys);
      if (!isCanonicalBase64(seal.signature())) {
        return failed(
            line,
            Problem.BAD_SIGNATURE,
            "the signature is not written as the registry writes it (base64 with stray bits)");
      }
      return new Verified(record, seal);
    } catch (SealException e) {
      return failed(line, problem(e.reason()), sentence(e.reason(), record));
    } catch (UncheckedIOException e) {
      return failed(line, Problem.NOT_AN_EVENT, "not a published event: no metadata or payload");
    }
  }

  private static JsonNode read(byte[] bytes) throws IOException {
    if (bytes.length == 0) {
      throw new IOException("not JSON: the line is empty");
    }
    if (isWhiteSpace(bytes[0]) || isWhiteSpace(bytes[bytes.length - 1])) {
      throw new IOException("not JSON as exported: white space around the record");
    }
    JsonNode tree;
    try {
      tree = STRICT.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new IOException("not JSON (" + e.getOriginalMessage() + ")");
    }
    if (tree == null || !tree.isObject()) {
      throw new IOException("not JSON: not an object");
    }
    return tree;
  }

  /**
   * A decoder ignores the unused bits of the last base64 character, so another character there
   * would carry the same signature in other bytes; the registry's encoder leaves them zero.
   */
  private static boolean isCanonicalBase64(String base64) {
    return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(base64)).equals(base64);
  }

  private static boolean isWhiteSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  private static Problem problem(SealException.Reason reason) {
    return switch (reason) {
      case UNKNOWN_KEY -> Problem.UNKNOWN_KEY;
      case ALTERED -> Problem.ALTERED;
      case BAD_SIGNATURE -> Problem.BAD_SIGNATURE;
      case UNSIGNED -> Problem.NOT_AN_EVENT;
      case MISSING_PREDECESSOR -> Problem.MISSING_LINES;
      case CHAIN_BROKEN -> Problem.CHAIN_BROKEN;
      case REPLAYED -> Problem.REPEATED_OR_REORDERED;
    };
  }

  private static String sentence(SealException.Reason reason, JsonNode record) {
    JsonNode seal = record.path(Seals.SEAL);
    String keyId = seal.path("keyId").asText("(none)");
    String sequence = seal.path("chainSequence").asText("?");
    return switch (reason) {
      case UNKNOWN_KEY -> "signed with key " + keyId + ", which is not among the keys given";
      case ALTERED ->
          "chain sequence "
              + sequence
              + ": the content does not match its sealed hash (changed after sealing)";
      case BAD_SIGNATURE -> "signature does not verify with key " + keyId;
      case UNSIGNED -> "no complete seal: not signed by the registry";
      default -> reason.tag();
    };
  }

  private static Failed failed(int line, Problem problem, String reason) {
    return new Failed(new LineFailure(line, problem, reason));
  }
}
