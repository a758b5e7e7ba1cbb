package org.forumledger.events.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.forumledger.events.testing.ForumEvents.forum;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import org.forumledger.events.EventJson;
import org.forumledger.events.testing.EventStream;
import org.forumledger.events.testing.TestKeys;
import org.junit.jupiter.api.Test;

class SealsTest {

  private final EventStream stream = new EventStream();

  private byte[] fee(String amount) {
    return EventJson.write(stream.append(forum("f-1").fee(2023).amount(amount)));
  }

  @Test
  void aSealedRecordVerifiesWithTheRegistrysKeyAndReadsAsBefore() {
    Seals.Sealed sealed = Seals.seal(fee("5000"), ChainLink.START, TestKeys.REGISTRY);

    EventSeal seal = Seals.verify(sealed.value(), TestKeys.ring());

    assertThat(seal).isEqualTo(sealed.seal());
    assertThat(seal.chainSequence()).isEqualTo(1);
    assertThat(seal.previousHash()).isEqualTo(ChainLink.GENESIS_HASH);
    assertThat(seal.keyId()).isEqualTo(TestKeys.REGISTRY.keyId());
    assertThat(seal.hash()).hasSize(64);
    assertThat(EventJson.read(sealed.value())).isPresent();
  }

  @Test
  void sealingIsDeterministicSoARetriedBatchSendsTheSameBytes() {
    byte[] value = fee("5000");
    assertThat(Seals.seal(value, ChainLink.START, TestKeys.REGISTRY).value())
        .isEqualTo(Seals.seal(value, ChainLink.START, TestKeys.REGISTRY).value());
  }

  @Test
  void theHashIgnoresMemberOrderAndWhiteSpaceButNotValues() throws Exception {
    ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(fee("17250.00"));
    String reordered =
        "{ \"payload\" : "
            + tree.get("payload")
            + ",\n \"metadata\": "
            + tree.get("metadata")
            + " }";
    assertThat(
            Seals.hashHex(
                EventJson.mapper().readTree(reordered).get("metadata"),
                EventJson.mapper().readTree(reordered).get("payload"),
                1,
                ChainLink.GENESIS_HASH))
        .isEqualTo(
            Seals.hashHex(tree.get("metadata"), tree.get("payload"), 1, ChainLink.GENESIS_HASH));
    assertThat(
            new String(
                Seals.canonicalBytes(
                    tree.get("metadata"), tree.get("payload"), 1, ChainLink.GENESIS_HASH),
                StandardCharsets.UTF_8))
        .startsWith("{\"chainSequence\":1,\"metadata\":{\"actor\":")
        .contains("\"amountSek\":17250.00")
        .endsWith(",\"previousHash\":\"" + ChainLink.GENESIS_HASH + "\"}");
  }

  @Test
  void canonicalBytesSortEveryObjectInJavaStringOrderAndKeepEverythingElseAsWritten()
      throws Exception {
    // written without a sorted copy of the tree since the rebuild's profile: the same bytes
    String written =
        "{\"z\":1,\"Z\":[{\"b\":null,\"a\":[],\"\u00e9\":{},\"A\":17250.00}],"
            + "\"a_b\":\"x\\\"y\",\"aB\":-0.5E-3,\"\u00e4\":true,\"10\":12345678901234567890,"
            + "\"1\":[3,1,{\"y\":{\"d\":1,\"c\":2},\"x\":\"\u2603\"}]}";
    assertThat(
            new String(
                Seals.canonicalBytes(EventJson.mapper().readTree(written)), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"1\":[3,1,{\"x\":\"\u2603\",\"y\":{\"c\":2,\"d\":1}}],"
                + "\"10\":12345678901234567890,\"Z\":[{\"A\":17250.00,\"a\":[],\"b\":null,"
                + "\"\u00e9\":{}}],\"aB\":-0.0005,\"a_b\":\"x\\\"y\",\"z\":1,\"\u00e4\":true}");
  }

  @Test
  void anAlteredAmountIsFound() {
    byte[] sealed = Seals.seal(fee("5000"), ChainLink.START, TestKeys.REGISTRY).value();
    byte[] altered =
        new String(sealed, StandardCharsets.UTF_8)
            .replace("\"amountSek\":5000", "\"amountSek\":999999999")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Seals.verify(altered, TestKeys.ring()))
        .isInstanceOfSatisfying(
            SealException.class,
            e -> assertThat(e.reason()).isEqualTo(SealException.Reason.ALTERED));
  }

  @Test
  void aForgerCannotSignInTheRegistrysName() {
    SigningKey impostor =
        new SigningKey(
            TestKeys.REGISTRY.keyId(), TestKeys.FORGER.privateKey(), TestKeys.FORGER.publicKey());
    byte[] forged = Seals.seal(fee("999999999"), ChainLink.START, impostor).value();

    assertThatThrownBy(() -> Seals.verify(forged, TestKeys.ring()))
        .isInstanceOfSatisfying(
            SealException.class,
            e -> assertThat(e.reason()).isEqualTo(SealException.Reason.BAD_SIGNATURE));
    assertThatThrownBy(
            () ->
                Seals.verify(
                    Seals.seal(fee("1"), ChainLink.START, TestKeys.FORGER).value(),
                    TestKeys.ring()))
        .isInstanceOfSatisfying(
            SealException.class,
            e -> assertThat(e.reason()).isEqualTo(SealException.Reason.UNKNOWN_KEY));
    assertThatThrownBy(() -> Seals.verify(fee("1"), TestKeys.ring()))
        .isInstanceOfSatisfying(
            SealException.class,
            e -> assertThat(e.reason()).isEqualTo(SealException.Reason.UNSIGNED));
  }

  @Test
  void eventsSignedWithARetiredKeyStillVerify() {
    byte[] old = Seals.seal(fee("5000"), ChainLink.START, TestKeys.RETIRED).value();
    EventSeal first = Seals.verify(old, TestKeys.ring());
    byte[] next = Seals.seal(fee("6000"), first.link(), TestKeys.REGISTRY).value();

    assertThat(ChainLink.START.step(first)).isEqualTo(ChainLink.Step.NEXT);
    assertThat(first.link().step(Seals.verify(next, TestKeys.ring())))
        .isEqualTo(ChainLink.Step.NEXT);
  }

  @Test
  void theChainFindsAMissingPredecessorAForkAndARedelivery() {
    EventSeal first = Seals.seal(fee("1"), ChainLink.START, TestKeys.REGISTRY).seal();
    EventSeal second = Seals.seal(fee("2"), first.link(), TestKeys.REGISTRY).seal();
    EventSeal third = Seals.seal(fee("3"), second.link(), TestKeys.REGISTRY).seal();
    EventSeal fork =
        Seals.seal(fee("4"), new ChainLink(1, "ab".repeat(32)), TestKeys.REGISTRY).seal();

    assertThat(second.link().step(first)).isEqualTo(ChainLink.Step.BEHIND);
    assertThatThrownBy(() -> first.link().step(third))
        .isInstanceOfSatisfying(
            SealException.class,
            e -> assertThat(e.reason()).isEqualTo(SealException.Reason.MISSING_PREDECESSOR));
    assertThatThrownBy(() -> first.link().step(fork))
        .isInstanceOfSatisfying(
            SealException.class,
            e -> assertThat(e.reason()).isEqualTo(SealException.Reason.CHAIN_BROKEN));
  }

  @Property(tries = 50)
  void anySealedFeeVerifiesAndAnyOtherAmountDoesNot(
      @ForAll @BigRange(min = "0", max = "100000000") java.math.BigDecimal amount,
      @ForAll @BigRange(min = "0", max = "100000000") java.math.BigDecimal other) {
    EventStream events = new EventStream();
    byte[] value =
        EventJson.write(events.append(forum("f-9").fee(2023).amount(amount.toPlainString())));
    byte[] sealed = Seals.seal(value, ChainLink.START, TestKeys.REGISTRY).value();
    assertThat(Seals.verify(sealed, TestKeys.ring()).chainSequence()).isEqualTo(1);

    ObjectNode tree = (ObjectNode) Seals.readTree(sealed);
    ((ObjectNode) tree.get("payload")).put("amountSek", other);
    boolean same = other.equals(amount);
    if (!same) {
      assertThatThrownBy(() -> Seals.verify(tree, TestKeys.ring()))
          .isInstanceOf(SealException.class);
    } else {
      assertThat(Seals.verify(tree, TestKeys.ring()).hash()).isNotNull();
    }
  }
}
