package org.forumledger.registry.forum.view;

import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.ForumGoalsLinked;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.ParticipationRecorded;

/**
 * The current state of one forum as the registry knows it, folded from its own events.
 *
 * @param version the sequence number of the forum's last event; the ETag of this state
 * @param participations the meetings recorded, each by its latest record, in date order
 * @param goals what each unit's participation serves, the latest statement per unit, by code
 */
public record ForumView(
    String forumId,
    long version,
    ForumRegistered details,
    ForumStatus status,
    LocalDate statusEffectiveFrom,
    List<Appointment> representatives,
    List<HeadcountRecorded> headcounts,
    List<AnnualFeeSet> fees,
    List<OtherCostRecorded> otherCosts,
    List<ParticipationRecorded> participations,
    List<ForumGoalsLinked> goals) {

  public record Appointment(
      String appointmentId,
      String personName,
      org.forumledger.events.Body body,
      org.forumledger.events.Role role,
      LocalDate validFrom,
      LocalDate validTo,
      LocalDate endedOn) {}
}
