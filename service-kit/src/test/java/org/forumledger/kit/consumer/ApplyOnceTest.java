package org.forumledger.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.EventMetadata;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.seal.SealException;
import org.forumledger.events.seal.Seals;
import org.forumledger.events.testing.ChainSealer;
import org.forumledger.events.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

class ApplyOnceTest {

  /** Remembers ids in memory, as a replay does. */
  static final class Remembered implements HandledEvents {
    final Map<String, Boolean> skippedById = new HashMap<>();
    long position = -1;

    @Override
    public boolean remember(EventMetadata event, boolean skipped) {
      if (skippedById.putIfAbsent(event.eventId(), skipped) != null) {
        return false;
      }
      position = Math.max(position, event.globalPosition());
      return true;
    }

    @Override
    public long position() {
      return position;
    }
  }

  final Remembered handled = new Remembered();
  final List<EventEnvelope> applied = new ArrayList<>();
  final List<EventEnvelope> committed = new ArrayList<>();
  final ChainSealer registry = new ChainSealer();

  /** Decided in transactions that forget what a refused record remembered, as the database does. */
  final ApplyOnce applyOnce =
      inTransactions(
          handled,
          new EventProjection() {
            @Override
            public void apply(EventEnvelope event) {
              applied.add(event);
            }

            @Override
            public void committed(EventEnvelope event) {
              committed.add(event);
            }
          },
          rollingBack(handled));

  byte[] sealed(byte[] unsealed) {
    return registry.seal(unsealed).value();
  }

  static ApplyOnce inTransactions(
      HandledEvents handled, EventProjection projection, TransactionOperations transactions) {
    return new ApplyOnce(
        handled, projection, transactions, TestKeys.ring(), VerifiedChain.inMemory());
  }

  /** An unsealed record, as any Kafka client could write it. */
  static byte[] record(String eventId, String type, int version, long position) {
    return ("""
        {"metadata": {"eventId": "%s", "eventType": "%s", "eventVersion": %d,
          "forumId": "7d0c2c5e-4f7b-4a8e-9f43-2b1a6e9c0d11", "sequenceNumber": 3,
          "globalPosition": %d, "recordedAt": "2024-02-26T09:15:00Z", "actor": "registrar"},
         "payload": {"forumId": "7d0c2c5e-4f7b-4a8e-9f43-2b1a6e9c0d11", "status": "PAUSED",
          "effectiveFrom": "2020-03-15"}}
        """)
        .formatted(eventId, type, version, position)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aKnownEventIsAppliedOnceAndItsRedeliveryChangesNothing() {
    byte[] event = sealed(record("e-1", "forum.ForumStatusChanged", 1, 43));

    assertThat(applyOnce.accept(event)).isEqualTo(ApplyOnce.Outcome.APPLIED);
    assertThat(applyOnce.accept(event)).isEqualTo(ApplyOnce.Outcome.DUPLICATE);

    assertThat(applied).hasSize(1);
    assertThat(committed).hasSize(1);
    assertThat(applyOnce.position()).isEqualTo(43);
  }

  @Test
  void anUnknownTypeOrVersionIsRememberedAsSkippedAndMovesThePosition() {
    byte[] unknown = sealed(record("e-2", "forum.SomethingNew", 1, 44));
    assertThat(applyOnce.accept(unknown)).isEqualTo(ApplyOnce.Outcome.SKIPPED_UNKNOWN_TYPE);
    assertThat(applyOnce.accept(sealed(record("e-3", "forum.ForumStatusChanged", 9, 45))))
        .isEqualTo(ApplyOnce.Outcome.SKIPPED_UNKNOWN_TYPE);
    assertThat(applyOnce.accept(unknown)).isEqualTo(ApplyOnce.Outcome.DUPLICATE);

    assertThat(applied).isEmpty();
    assertThat(handled.skippedById).containsEntry("e-2", true).containsEntry("e-3", true);
    assertThat(applyOnce.position()).isEqualTo(45);
  }

  @Test
  void fieldsAddedByALaterRegistryAreIgnoredAndTheEventIsApplied() {
    byte[] later =
        sealed(
            """
            {"metadata": {"eventId": "e-9", "eventType": "forum.ForumStatusChanged",
              "eventVersion": 1, "forumId": "7d0c2c5e-4f7b-4a8e-9f43-2b1a6e9c0d11",
              "sequenceNumber": 4, "globalPosition": 50, "recordedAt": "2024-02-26T09:15:00Z",
              "actor": "registrar", "unit": "SLK"},
             "payload": {"forumId": "7d0c2c5e-4f7b-4a8e-9f43-2b1a6e9c0d11", "status": "PAUSED",
              "effectiveFrom": "2020-03-15", "decidedBy": {"body": "KS"}}}
            """
                .getBytes(StandardCharsets.UTF_8));

    assertThat(applyOnce.accept(later)).isEqualTo(ApplyOnce.Outcome.APPLIED);
    assertThat(applied)
        .singleElement()
        .extracting(e -> ((ForumStatusChanged) e.payload()).status())
        .isEqualTo(ForumStatus.PAUSED);
    assertThat(applyOnce.position()).isEqualTo(50);
  }

  @Test
  void whileAnEventIsAppliedTheLogsCarryTheCorrelationIdOfTheRequestThatMadeIt() {
    List<String> seen = new ArrayList<>();
    ApplyOnce logging =
        inTransactions(handled, event -> seen.add(MDC.get("correlationId")), rollingBack(handled));
    String withCorrelation =
        new String(record("e-10", "forum.ForumStatusChanged", 1, 51), StandardCharsets.UTF_8)
            .replace(
                "\"actor\": \"registrar\"",
                "\"actor\": \"registrar\", \"correlationId\": \"import-2023\"");

    assertThat(logging.accept(sealed(withCorrelation.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(ApplyOnce.Outcome.APPLIED);
    assertThat(seen).containsExactly("import-2023");
    assertThat(MDC.get("correlationId")).as("cleared after the event").isNull();
  }

  @Test
  void bytesThatAreNoEventThrowAndAreNotRemembered() {
    assertThatThrownBy(() -> applyOnce.accept("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(handled.skippedById).isEmpty();
    assertThat(applyOnce.position()).isEqualTo(-1);
  }

  /** A transaction over {@link Remembered}: a failure restores what was remembered before. */
  static TransactionOperations rollingBack(Remembered remembered) {
    return new TransactionOperations() {
      @Override
      public <T> T execute(TransactionCallback<T> action) {
        Map<String, Boolean> before = new HashMap<>(remembered.skippedById);
        try {
          return action.doInTransaction(null);
        } catch (RuntimeException e) {
          remembered.skippedById.clear();
          remembered.skippedById.putAll(before);
          throw e;
        }
      }
    };
  }

  @Test
  void aFailingProjectionLeavesTheEventToBeTriedAgain() {
    Remembered rolledBack = new Remembered();
    ApplyOnce failing =
        inTransactions(
            rolledBack,
            event -> {
              throw new IllegalStateException("database went away");
            },
            rollingBack(rolledBack));
    byte[] event = sealed(record("e-4", "forum.ForumStatusChanged", 1, 46));

    assertThatThrownBy(() -> failing.accept(event)).hasMessage("database went away");
    assertThat(rolledBack.skippedById).doesNotContainKey("e-4");
  }

  @Test
  void aBatchIsDecidedInOrderAndCommittedEventsAreToldAfterTheCommit() {
    byte[] first = sealed(record("e-5", "forum.ForumStatusChanged", 1, 47));

    List<ApplyOnce.Outcome> outcomes =
        applyOnce.acceptAll(
            List.of(first, sealed(record("e-6", "forum.SomethingNew", 1, 48)), first));

    assertThat(outcomes)
        .containsExactly(
            ApplyOnce.Outcome.APPLIED,
            ApplyOnce.Outcome.SKIPPED_UNKNOWN_TYPE,
            ApplyOnce.Outcome.DUPLICATE);
    assertThat(applied).extracting(e -> e.metadata().eventId()).containsExactly("e-5");
    assertThat(committed).extracting(e -> e.metadata().eventId()).containsExactly("e-5");
    assertThat(applyOnce.position()).isEqualTo(48);
  }

  @Test
  void oneFailingRecordUndoesItsWholeBatchAndNothingIsToldCommitted() {
    Remembered rolledBack = new Remembered();
    List<EventEnvelope> toldCommitted = new ArrayList<>();
    ApplyOnce batch =
        inTransactions(
            rolledBack,
            new EventProjection() {
              @Override
              public void apply(EventEnvelope event) {}

              @Override
              public void committed(EventEnvelope event) {
                toldCommitted.add(event);
              }
            },
            rollingBack(rolledBack));

    assertThatThrownBy(
            () ->
                batch.acceptAll(
                    List.of(
                        sealed(record("e-7", "forum.ForumStatusChanged", 1, 49)),
                        "not json".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(rolledBack.skippedById).isEmpty();
    assertThat(toldCommitted).isEmpty();
  }

  private void assertRejected(byte[] value, SealException.Reason reason) {
    long positionBefore = applyOnce.position();
    var headBefore = applyOnce.chainHead();
    int rememberedBefore = handled.skippedById.size();
    assertThatThrownBy(() -> applyOnce.accept(value))
        .isInstanceOfSatisfying(SealException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    assertThat(applyOnce.position()).isEqualTo(positionBefore);
    assertThat(applyOnce.chainHead()).isEqualTo(headBefore);
    assertThat(handled.skippedById).hasSize(rememberedBefore);
  }

  @Test
  void anUnsignedOrForgedRecordIsRefusedAndChangesNothing() {
    applyOnce.accept(sealed(record("e-10", "forum.ForumStatusChanged", 1, 10)));

    assertRejected(
        record("e-11", "forum.ForumStatusChanged", 1, 11), SealException.Reason.UNSIGNED);
    assertRejected(
        new ChainSealer(TestKeys.FORGER)
            .seal(record("e-12", "forum.SomethingNew", 1, 999999))
            .value(),
        SealException.Reason.UNKNOWN_KEY);
    assertThat(applied).hasSize(1);
    assertThat(applyOnce.position()).isEqualTo(10);
  }

  @Test
  void anOldEventSentAgainWithANewPositionIsRefused() {
    byte[] original = sealed(record("e-20", "forum.ForumStatusChanged", 1, 20));
    applyOnce.accept(original);
    byte[] moved =
        new String(original, StandardCharsets.UTF_8)
            .replace("\"globalPosition\":20", "\"globalPosition\":21")
            .replace("\"eventId\":\"e-20\"", "\"eventId\":\"e-21\"")
            .getBytes(StandardCharsets.UTF_8);

    assertRejected(moved, SealException.Reason.ALTERED);
  }

  @Test
  void aSealOfAPlaceAlreadyPassedIsRefusedAsAReplay() {
    byte[] early = registry.sealDetached(record("e-30", "forum.ForumStatusChanged", 1, 30)).value();
    applyOnce.accept(sealed(record("e-31", "forum.ForumStatusChanged", 1, 31)));

    assertRejected(early, SealException.Reason.REPLAYED);
  }

  @Test
  void aRecordAfterAMissingOneIsRefusedUntilTheMissingOneComes() {
    applyOnce.accept(sealed(record("e-40", "forum.ForumStatusChanged", 1, 40)));
    byte[] missing = sealed(record("e-41", "forum.ForumStatusChanged", 1, 41));
    byte[] after = sealed(record("e-42", "forum.ForumStatusChanged", 1, 42));

    assertRejected(after, SealException.Reason.MISSING_PREDECESSOR);
    assertThat(applyOnce.acceptAll(List.of(missing, after)))
        .containsExactly(ApplyOnce.Outcome.APPLIED, ApplyOnce.Outcome.APPLIED);
    assertThat(applyOnce.chainHead().sequence()).isEqualTo(3);
  }

  @Test
  void eventsSignedBeforeAKeyRotationStillVerify() {
    registry.rotateTo(TestKeys.RETIRED);
    applyOnce.accept(sealed(record("e-50", "forum.ForumStatusChanged", 1, 50)));
    registry.rotateTo(TestKeys.REGISTRY);
    applyOnce.accept(sealed(record("e-51", "forum.ForumStatusChanged", 1, 51)));

    assertThat(applied).hasSize(2);
  }

  /** The record with its seal's signature replaced: hash and links unchanged. */
  static byte[] withSignature(byte[] sealed, String signature) {
    ObjectNode tree = (ObjectNode) Seals.readTree(sealed);
    ((ObjectNode) tree.get(Seals.SEAL)).put("signature", signature);
    return write(tree);
  }

  /** The record with its payload changed and its hash made again to match, as a forger would. */
  static byte[] forged(byte[] sealed) {
    ObjectNode tree = (ObjectNode) Seals.readTree(sealed);
    ((ObjectNode) tree.get(Seals.PAYLOAD)).put("status", "ENDED");
    ObjectNode seal = (ObjectNode) tree.get(Seals.SEAL);
    seal.put(
        "hash",
        Seals.hashHex(
            tree.get(Seals.METADATA),
            tree.get(Seals.PAYLOAD),
            seal.get("chainSequence").asLong(),
            seal.get("previousHash").asText()));
    return write(tree);
  }

  private static byte[] write(ObjectNode tree) {
    try {
      return EventJson.mapper().writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String NOBODYS_SIGNATURE = Base64.getEncoder().encodeToString(new byte[64]);

  @Test
  void theLastSignatureOfAnUnbrokenRunVouchesForTheWholeRun() {
    List<byte[]> run =
        List.of(
            sealed(record("e-60", "forum.ForumStatusChanged", 1, 60)),
            sealed(record("e-61", "forum.SomethingNew", 1, 61)),
            sealed(record("e-62", "forum.ForumStatusChanged", 1, 62)));

    ApplyOnce.Vouched vouched = applyOnce.vouch(run);
    List<ApplyOnce.Outcome> outcomes = run.stream().map(v -> applyOnce.accept(v, vouched)).toList();

    assertThat(vouched.size()).isEqualTo(3);
    assertThat(outcomes)
        .containsExactly(
            ApplyOnce.Outcome.APPLIED,
            ApplyOnce.Outcome.SKIPPED_UNKNOWN_TYPE,
            ApplyOnce.Outcome.APPLIED);
    assertThat(applyOnce.chainHead().sequence()).isEqualTo(3);
    assertThat(applyOnce.position()).isEqualTo(62);
  }

  @Test
  void aRecordWithABadSignatureOfItsOwnIsTakenOnlyWhereALaterSignatureVouchesForIt() {
    byte[] first = sealed(record("e-70", "forum.ForumStatusChanged", 1, 70));
    byte[] unsigned = withSignature(first, NOBODYS_SIGNATURE);
    byte[] second = sealed(record("e-71", "forum.ForumStatusChanged", 1, 71));

    assertRejected(unsigned, SealException.Reason.BAD_SIGNATURE);
    assertThat(applyOnce.vouch(List.of(unsigned))).extracting(ApplyOnce.Vouched::size).isEqualTo(0);
    assertThat(applyOnce.acceptAll(List.of(unsigned, second)))
        .containsExactly(ApplyOnce.Outcome.APPLIED, ApplyOnce.Outcome.APPLIED);
  }

  @Test
  void aBatchWhoseLastSignatureFailsIsCheckedRecordByRecordAndNothingOfItIsApplied() {
    byte[] first = sealed(record("e-80", "forum.ForumStatusChanged", 1, 80));
    byte[] lastUnsigned =
        withSignature(sealed(record("e-81", "forum.ForumStatusChanged", 1, 81)), NOBODYS_SIGNATURE);

    assertThat(applyOnce.vouch(List.of(first, lastUnsigned)).size()).isZero();
    assertThatThrownBy(() -> applyOnce.acceptAll(List.of(first, lastUnsigned)))
        .isInstanceOfSatisfying(
            SealException.class,
            e -> assertThat(e.reason()).isEqualTo(SealException.Reason.BAD_SIGNATURE));
    assertThat(committed).isEmpty();
    assertThat(handled.skippedById).isEmpty();
    assertThat(applyOnce.chainHead().sequence()).isZero();
    assertThat(applyOnce.acceptAll(List.of(first))).containsExactly(ApplyOnce.Outcome.APPLIED);
  }

  @Test
  void aForgedRecordWithAMatchingHashBreaksTheRunAndIsRefused() {
    byte[] first = sealed(record("e-90", "forum.ForumStatusChanged", 1, 90));
    byte[] forged = forged(sealed(record("e-91", "forum.ForumStatusChanged", 1, 91)));
    byte[] third = sealed(record("e-92", "forum.ForumStatusChanged", 1, 92));

    assertThat(applyOnce.vouch(List.of(first, forged, third)).size()).isZero();
    assertThatThrownBy(() -> applyOnce.acceptAll(List.of(first, forged, third)))
        .isInstanceOf(SealException.class);
    assertThat(committed).isEmpty();
    assertThat(applyOnce.accept(first)).isEqualTo(ApplyOnce.Outcome.APPLIED);
    assertRejected(forged, SealException.Reason.BAD_SIGNATURE);
    assertThat(committed).extracting(e -> e.metadata().eventId()).containsExactly("e-90");
  }

  @Test
  void aPollPreparedBeforeThePollAheadOfItIsDecidedIsVouchedForAgainstTheChainAsItThenStands()
      throws Exception {
    List<byte[]> first =
        List.of(
            sealed(record("e-100", "forum.ForumStatusChanged", 1, 100)),
            sealed(record("e-101", "forum.ForumStatusChanged", 1, 101)));
    List<byte[]> second =
        List.of(
            sealed(record("e-102", "forum.ForumStatusChanged", 1, 102)),
            forged(sealed(record("e-103", "forum.ForumStatusChanged", 1, 103))));

    // prepared on another thread, as a replay's reader does, before the first poll is decided
    ApplyOnce.Prepared[] prepared = new ApplyOnce.Prepared[2];
    Thread reader =
        new Thread(
            () -> {
              prepared[0] = applyOnce.prepare(first);
              prepared[1] = applyOnce.prepare(second);
            });
    reader.start();
    reader.join();
    ApplyOnce.Prepared secondPrepared = prepared[1];
    assertThat(applyOnce.vouch(secondPrepared).size())
        .as("the second poll does not continue the chain before the first is decided")
        .isZero();

    ApplyOnce.Vouched firstVouched = applyOnce.vouch(prepared[0]);
    assertThat(firstVouched.size()).isEqualTo(2);
    assertThat(first.stream().map(v -> applyOnce.accept(v, firstVouched)).toList())
        .containsOnly(ApplyOnce.Outcome.APPLIED);

    ApplyOnce.Vouched secondVouched = applyOnce.vouch(secondPrepared);
    assertThat(secondVouched.size())
        .as("the forged last record's signature vouches for nothing")
        .isZero();
    assertThat(applyOnce.accept(second.get(0), secondVouched)).isEqualTo(ApplyOnce.Outcome.APPLIED);
    assertThatThrownBy(() -> applyOnce.accept(second.get(1), secondVouched))
        .isInstanceOfSatisfying(
            SealException.class,
            e -> assertThat(e.reason()).isEqualTo(SealException.Reason.BAD_SIGNATURE));
    assertThat(committed)
        .extracting(e -> e.metadata().eventId())
        .containsExactly("e-100", "e-101", "e-102");
    assertThat(applyOnce.chainHead().sequence()).isEqualTo(3);
  }
}
