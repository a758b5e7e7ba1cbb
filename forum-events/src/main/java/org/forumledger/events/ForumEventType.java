package org.forumledger.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of published events: the logical name and version each event carries on the wire
 * (Kafka headers {@code event-type} and {@code event-version}). Java class names never go on the
 * wire. The version equals the event's {@code @Revision} in the registry's store (a test holds them
 * together).
 */
public enum ForumEventType {
  FORUM_REGISTERED("forum.ForumRegistered", 2, ForumRegistered.class),
  FORUM_DETAILS_REVISED("forum.ForumDetailsRevised", 1, ForumDetailsRevised.class),
  FORUM_RECLASSIFIED("forum.ForumReclassified", 1, ForumReclassified.class),
  FORUM_STATUS_CHANGED("forum.ForumStatusChanged", 1, ForumStatusChanged.class),
  REPRESENTATIVE_APPOINTED("forum.RepresentativeAppointed", 1, RepresentativeAppointed.class),
  APPOINTMENT_ENDED("forum.AppointmentEnded", 1, AppointmentEnded.class),
  HEADCOUNT_RECORDED("forum.HeadcountRecorded", 1, HeadcountRecorded.class),
  ANNUAL_FEE_SET("forum.AnnualFeeSet", 1, AnnualFeeSet.class),
  ANNUAL_FEE_WITHDRAWN("forum.AnnualFeeWithdrawn", 1, AnnualFeeWithdrawn.class),
  OTHER_COST_RECORDED("forum.OtherCostRecorded", 1, OtherCostRecorded.class),
  OTHER_COST_WITHDRAWN("forum.OtherCostWithdrawn", 1, OtherCostWithdrawn.class);

  private final String logicalName;
  private final int version;
  private final Class<? extends ForumEvent> eventClass;

  ForumEventType(String logicalName, int version, Class<? extends ForumEvent> eventClass) {
    this.logicalName = logicalName;
    this.version = version;
    this.eventClass = eventClass;
  }

  public String logicalName() {
    return logicalName;
  }

  public int version() {
    return version;
  }

  public Class<? extends ForumEvent> eventClass() {
    return eventClass;
  }

  public static ForumEventType of(ForumEvent event) {
    return Arrays.stream(values())
        .filter(type -> type.eventClass == event.getClass())
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("Not in the catalogue: " + event.getClass()));
  }

  /** The type for a name and version on the wire, empty when this consumer does not know it. */
  public static Optional<ForumEventType> find(String logicalName, int version) {
    return Arrays.stream(values())
        .filter(type -> type.logicalName.equals(logicalName) && type.version == version)
        .findFirst();
  }
}
