package org.forumledger.reporting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.forumledger.events.EventJson;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.events.seal.SealException;
import org.forumledger.events.seal.SignedStatement;

/**
 * The registry's latest signed checkpoint held against the audit history: whether its signature
 * verifies with the registry's keys, whether the history has reached its link yet, and whether the
 * history holds the very hash the registry signed there.
 */
public record CheckpointCheck(
    Long chainSequence,
    String headHash,
    Instant issuedAt,
    boolean signatureValid,
    boolean reached,
    boolean matches,
    String problem) {

  /** Holds: signed by the registry, and either not reached yet or the same hash there. */
  public boolean holds() {
    return problem == null && signatureValid && (!reached || matches);
  }

  /** A checkpoint as the registry serves it: the statement signed, its hash and signature. */
  public record Signed(
      long chainSequence,
      String headHash,
      Instant issuedAt,
      String statement,
      String hash,
      String keyId,
      String signature) {}

  /**
   * Checks {@code checkpoint} with the registry's keys and against the hash the history keeps at
   * its link ({@code kept}, empty when the history has not reached it).
   */
  public static CheckpointCheck of(Signed checkpoint, KeyRing registryKeys, Optional<String> kept) {
    boolean signed;
    String problem = null;
    try {
      JsonNode statement = EventJson.mapper().readTree(checkpoint.statement());
      new SignedStatement(statement, checkpoint.hash(), checkpoint.keyId(), checkpoint.signature())
          .verify(registryKeys);
      signed =
          statement.path("chainSequence").asLong() == checkpoint.chainSequence()
              && checkpoint.headHash().equals(statement.path("headHash").asText());
      if (!signed) {
        problem = "the checkpoint's fields differ from the statement the registry signed";
      }
    } catch (SealException | java.io.IOException e) {
      signed = false;
      problem = "the checkpoint does not verify: " + e.getMessage();
    }
    boolean matches = kept.map(checkpoint.headHash()::equals).orElse(false);
    if (problem == null && kept.isPresent() && !matches) {
      problem =
          "the history holds another hash at chain sequence "
              + checkpoint.chainSequence()
              + " than the registry signed";
    }
    return new CheckpointCheck(
        checkpoint.chainSequence(),
        checkpoint.headHash(),
        checkpoint.issuedAt(),
        signed,
        kept.isPresent(),
        matches,
        problem);
  }

  public static CheckpointCheck unavailable(String why) {
    return new CheckpointCheck(null, null, null, false, false, false, why);
  }
}
