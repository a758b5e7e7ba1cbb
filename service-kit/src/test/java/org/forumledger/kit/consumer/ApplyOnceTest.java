package org.forumledger.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventMetadata;
import org.junit.jupiter.api.Test;
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
  final ApplyOnce applyOnce =
      ApplyOnce.inMemory(
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
          });

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
    byte[] event = record("e-1", "forum.ForumStatusChanged", 1, 43);

    assertThat(applyOnce.accept(event)).isEqualTo(ApplyOnce.Outcome.APPLIED);
    assertThat(applyOnce.accept(event)).isEqualTo(ApplyOnce.Outcome.DUPLICATE);

    assertThat(applied).hasSize(1);
    assertThat(committed).hasSize(1);
    assertThat(applyOnce.position()).isEqualTo(43);
  }

  @Test
  void anUnknownTypeOrVersionIsRememberedAsSkippedAndMovesThePosition() {
    assertThat(applyOnce.accept(record("e-2", "forum.SomethingNew", 1, 44)))
        .isEqualTo(ApplyOnce.Outcome.SKIPPED_UNKNOWN_TYPE);
    assertThat(applyOnce.accept(record("e-3", "forum.ForumStatusChanged", 9, 45)))
        .isEqualTo(ApplyOnce.Outcome.SKIPPED_UNKNOWN_TYPE);
    assertThat(applyOnce.accept(record("e-2", "forum.SomethingNew", 1, 44)))
        .isEqualTo(ApplyOnce.Outcome.DUPLICATE);

    assertThat(applied).isEmpty();
    assertThat(handled.skippedById).containsEntry("e-2", true).containsEntry("e-3", true);
    assertThat(applyOnce.position()).isEqualTo(45);
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
        new ApplyOnce(
            rolledBack,
            event -> {
              throw new IllegalStateException("database went away");
            },
            rollingBack(rolledBack));

    assertThatThrownBy(() -> failing.accept(record("e-4", "forum.ForumStatusChanged", 1, 46)))
        .hasMessage("database went away");
    assertThat(rolledBack.skippedById).doesNotContainKey("e-4");
  }

  @Test
  void aBatchIsDecidedInOrderAndCommittedEventsAreToldAfterTheCommit() {
    byte[] first = record("e-5", "forum.ForumStatusChanged", 1, 47);

    List<ApplyOnce.Outcome> outcomes =
        applyOnce.acceptAll(List.of(first, record("e-6", "forum.SomethingNew", 1, 48), first));

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
        new ApplyOnce(
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
                        record("e-7", "forum.ForumStatusChanged", 1, 49),
                        "not json".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(rolledBack.skippedById).isEmpty();
    assertThat(toldCommitted).isEmpty();
  }
}
