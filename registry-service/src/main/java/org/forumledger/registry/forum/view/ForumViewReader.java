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

/**
 * Reads a forum's state straight from its event stream, so the state and its ETag are always
 * exactly what the next command will be checked against.
 */
@Component
public class ForumViewReader {

  private final EventStore eventStore;

  public ForumViewReader(EventStore eventStore) {
    this.eventStore = eventStore;
  }

  /**
   * The whole stream from its first event: the view folds events, never an aggregate snapshot, so
   * the snapshot table is not asked (a round trip of every command's answer and every read).
   */
  public Optional<ForumView> read(String forumId) {
    DomainEventStream stream = eventStore.readEvents(forumId, 0);
    if (!stream.hasNext()) {
      return Optional.empty();
    }
    Fold fold = new Fold(forumId);
    DomainEventMessage<?> first = stream.next();
    if (!(first.getPayload() instanceof ForumRegistered)) {
      return Optional.empty(); // another stream of the store, such as a year's cost rates
    }
    fold.apply(first.getPayload(), first.getSequenceNumber());
    while (stream.hasNext()) {
      DomainEventMessage<?> message = stream.next();
      fold.apply(message.getPayload(), message.getSequenceNumber());
    }
    return Optional.of(fold.view());
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
