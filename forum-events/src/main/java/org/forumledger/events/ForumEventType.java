package org.forumledger.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of published events: the logical name and version each event carries on the wire
 * (Kafka headers {@code event-type} and {@code event-version}). Java class names never go on the
 * wire. The version equals the event's {@code @Revision} in the registry's store (a test holds them
 * together). Besides the forum events it names the ledger's settings ({@link CostRatesRecorded}),
 * units, goals and reviews, which share the topic and the chain. A consumer also reads the older
 * versions still on the topic that a type names as readable, brought to the current form by {@link
 * #upgrade} (see {@link EventJson#read}).
 */
public enum ForumEventType {
  FORUM_REGISTERED("forum.ForumRegistered", 2, ForumRegistered.class),
  FORUM_DETAILS_REVISED("forum.ForumDetailsRevised", 1, ForumDetailsRevised.class),
  FORUM_RECLASSIFIED("forum.ForumReclassified", 1, ForumReclassified.class),
  FORUM_STATUS_CHANGED("forum.ForumStatusChanged", 1, ForumStatusChanged.class),
  REPRESENTATIVE_APPOINTED("forum.RepresentativeAppointed", 1, RepresentativeAppointed.class),
  APPOINTMENT_ENDED("forum.AppointmentEnded", 1, AppointmentEnded.class),
  HEADCOUNT_RECORDED("forum.HeadcountRecorded", 2, 1, HeadcountRecorded.class),
  ANNUAL_FEE_SET("forum.AnnualFeeSet", 2, 1, AnnualFeeSet.class),
  ANNUAL_FEE_WITHDRAWN("forum.AnnualFeeWithdrawn", 1, AnnualFeeWithdrawn.class),
  OTHER_COST_RECORDED("forum.OtherCostRecorded", 1, OtherCostRecorded.class),
  OTHER_COST_WITHDRAWN("forum.OtherCostWithdrawn", 1, OtherCostWithdrawn.class),
  PARTICIPATION_RECORDED("forum.ParticipationRecorded", 1, ParticipationRecorded.class),
  PARTICIPATION_WITHDRAWN("forum.ParticipationWithdrawn", 1, ParticipationWithdrawn.class),
  FORUM_GOALS_LINKED("forum.GoalsLinked", 1, ForumGoalsLinked.class),
  /** Not about a forum: keyed by {@link CostRatesRecorded#streamIdOf} on the same topic. */
  COST_RATES_RECORDED("rates.CostRatesRecorded", 1, CostRatesRecorded.class),
  /** Not about a forum: keyed by {@link UnitEvent#streamIdOf unit-CODE}. */
  UNIT_REGISTERED("unit.UnitRegistered", 1, UnitRegistered.class),
  UNIT_REVISED("unit.UnitRevised", 1, UnitRevised.class),
  /** Not about a forum: keyed by {@link GoalEvent#streamIdOf goal-ID}. */
  COUNCIL_GOAL_REGISTERED("goal.CouncilGoalRegistered", 1, CouncilGoalRegistered.class),
  COUNCIL_GOAL_REVISED("goal.CouncilGoalRevised", 1, CouncilGoalRevised.class),
  /** Not about a forum: keyed by {@link ReviewEvent#streamIdOf review-ID}. */
  REVIEW_OPENED("review.ReviewOpened", 1, ReviewOpened.class),
  PARTICIPATION_ASSESSED("review.ParticipationAssessed", 1, ParticipationAssessed.class),
  REVIEW_DECISION_RECORDED("review.DecisionRecorded", 1, ReviewDecisionRecorded.class),
  REVIEW_CLOSED("review.ReviewClosed", 1, ReviewClosed.class);

  private final String logicalName;
  private final int version;
  private final int oldestReadableVersion;
  private final Class<? extends LedgerEvent> eventClass;

  ForumEventType(String logicalName, int version, Class<? extends LedgerEvent> eventClass) {
    this(logicalName, version, version, eventClass);
  }

  ForumEventType(
      String logicalName,
      int version,
      int oldestReadableVersion,
      Class<? extends LedgerEvent> eventClass) {
    this.logicalName = logicalName;
    this.version = version;
    this.oldestReadableVersion = oldestReadableVersion;
    this.eventClass = eventClass;
  }

  public String logicalName() {
    return logicalName;
  }

  public int version() {
    return version;
  }

  public Class<? extends LedgerEvent> eventClass() {
    return eventClass;
  }

  /** The oldest version of this type a consumer still reads (the current one for most types). */
  public int oldestReadableVersion() {
    return oldestReadableVersion;
  }

  /**
   * An older version's payload in the current version's form; the current version's unchanged.
   *
   * @throws IllegalArgumentException for a version this type cannot read
   */
  public ObjectNode upgrade(ObjectNode payload, int fromVersion) {
    if (fromVersion == version) {
      return payload;
    }
    if (this == ANNUAL_FEE_SET && fromVersion == 1) {
      return AnnualFeeSet.upgradeRevisionOne(payload);
    }
    if (this == HEADCOUNT_RECORDED && fromVersion == 1) {
      return payload; // revision 1 always had a count, which revision 2 still reads
    }
    throw new IllegalArgumentException(logicalName + " has no version " + fromVersion);
  }

  public static ForumEventType of(LedgerEvent event) {
    return Arrays.stream(values())
        .filter(type -> type.eventClass == event.getClass())
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("Not in the catalogue: " + event.getClass()));
  }

  /**
   * The type for a name and version on the wire, empty when this consumer does not know it. An
   * older version it still reads is found too; its payload needs {@link #upgrade}.
   */
  public static Optional<ForumEventType> find(String logicalName, int version) {
    // every record read asks: a stream over a fresh copy of values() each time was a few percent
    // of a replay's allocations
    ForumEventType type = logicalName == null ? null : BY_NAME.get(logicalName);
    return type != null && version >= type.oldestReadableVersion && version <= type.version
        ? Optional.of(type)
        : Optional.empty();
  }

  private static final Map<String, ForumEventType> BY_NAME = byName();

  private static Map<String, ForumEventType> byName() {
    Map<String, ForumEventType> byName = new HashMap<>();
    for (ForumEventType type : values()) {
      if (byName.putIfAbsent(type.logicalName, type) != null) {
        throw new IllegalStateException("Two event types named " + type.logicalName);
      }
    }
    return Map.copyOf(byName);
  }
}
