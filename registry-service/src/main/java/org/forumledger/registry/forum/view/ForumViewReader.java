package org.forumledger.registry.forum.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.AnnualFeeWithdrawn;
import org.forumledger.events.AppointmentEnded;
import org.forumledger.events.ForumDetailsRevised;
import org.forumledger.events.ForumGoalsLinked;
import org.forumledger.events.ForumReclassified;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.ParticipationRecorded;
import org.forumledger.events.ParticipationWithdrawn;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.registry.forum.view.ForumView.Appointment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads a forum's state straight from its event stream, so the state and its ETag are always
 * exactly what the next command will be checked against.
 */
@Component
public class ForumViewReader {

  /**
   * How many forums' folds a write may start from: those written to last. A few kilobytes each;
   * with the writes of a registrar's year spread over the forums of one municipality, every write
   * but a forum's first in a while starts from one.
   */
  static final int FOLDS_KEPT = 2048;

  private final EventStore eventStore;

  /** Folds of committed streams only, each never changed once kept; guarded by itself. */
  private final Map<String, Fold> folds =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Fold> eldest) {
          return size() > FOLDS_KEPT;
        }
      };

  public ForumViewReader(EventStore eventStore) {
    this.eventStore = eventStore;
  }

  /**
   * The forum's state after a write whose command applied {@code produced}, inside the write's
   * transaction, without reading the stream back when it can be avoided: the events a write
   * appended follow its stream's last event at the time (their sequence numbers are unique in the
   * store, and the write commits only with them), so the fold of the stream before them, kept from
   * an earlier committed write, with them applied, is the stream's fold after the write. A write
   * that applied nothing, or whose forum's fold is not kept at the version before its events, reads
   * the stream as {@link #read} does. What this builds is kept for the next write once the
   * transaction commits, never before: a write that rolls back leaves nothing behind.
   */
  public Optional<ForumView> afterWrite(String forumId, List<DomainEventMessage<?>> produced) {
    List<DomainEventMessage<?>> own =
        produced.stream().filter(m -> forumId.equals(m.getAggregateIdentifier())).toList();
    if (own.isEmpty()) {
      return read(forumId);
    }
    Fold fold = following(forumId, own.get(0));
    if (fold == null) {
      fold = readFold(forumId);
      if (fold == null) {
        return Optional.empty();
      }
    } else {
      for (DomainEventMessage<?> message : own) {
        fold.apply(message.getPayload(), message.getSequenceNumber());
      }
    }
    keepOnCommit(fold);
    return Optional.of(fold.view());
  }

  /** A copy of the fold the event follows: the kept one at its predecessor's version. */
  private Fold following(String forumId, DomainEventMessage<?> first) {
    if (first.getSequenceNumber() == 0) {
      return first.getPayload() instanceof ForumRegistered ? new Fold(forumId) : null;
    }
    Fold kept;
    synchronized (folds) {
      kept = folds.get(forumId);
    }
    return kept != null && kept.version == first.getSequenceNumber() - 1 ? kept.copy() : null;
  }

  private void keepOnCommit(Fold fold) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            synchronized (folds) {
              Fold kept = folds.get(fold.forumId);
              if (kept == null || kept.version < fold.version) {
                folds.put(fold.forumId, fold);
              }
            }
          }
        });
  }

  /**
   * The whole stream from its first event: the view folds events, never an aggregate snapshot, so
   * the snapshot table is not asked (a round trip of every command's answer and every read).
   */
  public Optional<ForumView> read(String forumId) {
    return Optional.ofNullable(readFold(forumId)).map(Fold::view);
  }

  private Fold readFold(String forumId) {
    DomainEventStream stream = eventStore.readEvents(forumId, 0);
    if (!stream.hasNext()) {
      return null;
    }
    Fold fold = new Fold(forumId);
    DomainEventMessage<?> first = stream.next();
    if (!(first.getPayload() instanceof ForumRegistered)) {
      return null; // another stream of the store, such as a year's cost rates
    }
    fold.apply(first.getPayload(), first.getSequenceNumber());
    while (stream.hasNext()) {
      DomainEventMessage<?> message = stream.next();
      fold.apply(message.getPayload(), message.getSequenceNumber());
    }
    return fold;
  }

  private static final class Fold {
    private final String forumId;
    private long version = -1;
    private ForumRegistered details;
    private ForumStatus status = ForumStatus.ACTIVE;
    private java.time.LocalDate statusFrom;
    private final Map<String, Appointment> appointments = new LinkedHashMap<>();
    private final Map<String, HeadcountRecorded> headcounts = new TreeMap<>();
    private final Map<Integer, AnnualFeeSet> fees = new TreeMap<>();
    private final Map<Integer, OtherCostRecorded> otherCosts = new TreeMap<>();
    private final Map<String, ParticipationRecorded> participations = new LinkedHashMap<>();
    private final Map<String, ForumGoalsLinked> goals = new TreeMap<>();

    Fold(String forumId) {
      this.forumId = forumId;
    }

    /** The same state, to apply more events to; the events themselves are immutable. */
    Fold copy() {
      Fold copy = new Fold(forumId);
      copy.version = version;
      copy.details = details;
      copy.status = status;
      copy.statusFrom = statusFrom;
      copy.appointments.putAll(appointments);
      copy.headcounts.putAll(headcounts);
      copy.fees.putAll(fees);
      copy.otherCosts.putAll(otherCosts);
      copy.participations.putAll(participations);
      copy.goals.putAll(goals);
      return copy;
    }

    void apply(Object event, long sequenceNumber) {
      version = sequenceNumber;
      if (event instanceof ForumRegistered e) {
        details = e;
      } else if (event instanceof ForumDetailsRevised e) {
        details = details.revisedBy(e);
      } else if (event instanceof ForumReclassified e) {
        details = details.reclassifiedBy(e);
      } else if (event instanceof ForumStatusChanged e) {
        status = e.status();
        statusFrom = e.effectiveFrom();
      } else if (event instanceof RepresentativeAppointed e) {
        appointments.put(
            e.appointmentId(),
            new Appointment(
                e.appointmentId(),
                e.personName(),
                e.body(),
                e.role(),
                e.validFrom(),
                e.validTo(),
                null));
      } else if (event instanceof AppointmentEnded e) {
        appointments.computeIfPresent(
            e.appointmentId(),
            (id, a) ->
                new Appointment(
                    id,
                    a.personName(),
                    a.body(),
                    a.role(),
                    a.validFrom(),
                    a.validTo(),
                    e.endedOn()));
      } else if (event instanceof HeadcountRecorded e) {
        headcounts.put(e.year() + "/" + e.body(), e);
      } else if (event instanceof AnnualFeeSet e) {
        fees.put(e.fromYear(), e);
      } else if (event instanceof AnnualFeeWithdrawn e) {
        fees.remove(e.fromYear());
      } else if (event instanceof OtherCostRecorded e) {
        otherCosts.put(e.year(), e);
      } else if (event instanceof OtherCostWithdrawn e) {
        otherCosts.remove(e.year());
      } else if (event instanceof ParticipationRecorded e) {
        participations.put(e.participationId(), e);
      } else if (event instanceof ParticipationWithdrawn e) {
        participations.remove(e.participationId());
      } else if (event instanceof ForumGoalsLinked e) {
        goals.put(e.body().code(), e);
      }
    }

    ForumView view() {
      List<Appointment> representatives = new ArrayList<>(appointments.values());
      representatives.sort(Comparator.comparing(Appointment::validFrom));
      return new ForumView(
          forumId,
          version,
          details,
          status,
          statusFrom,
          representatives,
          List.copyOf(headcounts.values()),
          List.copyOf(fees.values()),
          List.copyOf(otherCosts.values()),
          participations.values().stream()
              .sorted(
                  Comparator.comparing(ParticipationRecorded::meetingDate)
                      .thenComparing(ParticipationRecorded::participationId))
              .toList(),
          List.copyOf(goals.values()));
    }
  }
}
