package org.forumledger.events.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.forumledger.events.EventJson;
import org.junit.jupiter.api.Test;

class SignedStatementTest {

  private final SigningKey registry = SigningKey.generate();
  private final KeyRing keys = KeyRing.of(Map.of(registry.keyId(), registry.publicKey()));

  private static ObjectNode checkpoint(long sequence) {
    ObjectNode statement = EventJson.mapper().createObjectNode();
    statement.put("kind", "checkpoint");
    statement.put("chainSequence", sequence);
    statement.put("headHash", "ab".repeat(32));
    return statement;
  }

  @Test
  void aSignedStatementVerifiesWhateverTheOrderOfItsMembers() {
    SignedStatement signed = SignedStatement.sign(checkpoint(7), registry);
    ObjectNode reordered = EventJson.mapper().createObjectNode();
    reordered.put("headHash", "ab".repeat(32));
    reordered.put("chainSequence", 7);
    reordered.put("kind", "checkpoint");

    new SignedStatement(reordered, signed.hash(), signed.keyId(), signed.signature()).verify(keys);

    assertThat(signed.hash()).hasSize(64);
  }

  @Test
  void aChangedStatementAnotherKeyOrAnUnknownKeyIsRefused() {
    SignedStatement signed = SignedStatement.sign(checkpoint(7), registry);
    SignedStatement changed =
        new SignedStatement(checkpoint(8), signed.hash(), signed.keyId(), signed.signature());
    SignedStatement forged = SignedStatement.sign(checkpoint(7), SigningKey.generate());

    assertThatThrownBy(() -> changed.verify(keys))
        .isInstanceOfSatisfying(
            SealException.class,
            e -> assertThat(e.reason()).isEqualTo(SealException.Reason.ALTERED));
    assertThatThrownBy(() -> forged.verify(keys))
        .isInstanceOfSatisfying(
            SealException.class,
            e -> assertThat(e.reason()).isEqualTo(SealException.Reason.UNKNOWN_KEY));
    SignedStatement resigned =
        new SignedStatement(checkpoint(7), forged.hash(), registry.keyId(), forged.signature());
    assertThatThrownBy(() -> resigned.verify(keys))
        .isInstanceOfSatisfying(
            SealException.class,
            e -> assertThat(e.reason()).isEqualTo(SealException.Reason.BAD_SIGNATURE));
  }
}
