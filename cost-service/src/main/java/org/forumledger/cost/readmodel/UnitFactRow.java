package org.forumledger.cost.readmodel;

import java.util.Objects;
import java.util.Optional;
import org.forumledger.events.AppointmentEnded;
import org.forumledger.events.ForumEventType;
import org.forumledger.events.ForumGoalsLinked;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.LedgerEvent;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.events.UnitRegistered;
import org.forumledger.events.UnitRevised;

/**
 * A row of {@code unit_fact}: one of the facts that say which units take part in a forum (the rule
 * {@link org.forumledger.events.TakingPart} reads them), or a unit's registration or latest
 * revision. A later event with the same key replaces the earlier, as the rule reads them; the live
 * applier and the rebuild's fold key them alike here.
 */
record UnitFactRow(
    String factKey, String forumId, String eventType, String record, String eventId) {

  static final String COLUMNS = "fact_key, forum_id, event_type, record, event_id";

  UnitFactRow {
    Objects.requireNonNull(factKey, "unit_fact.fact_key");
    Objects.requireNonNull(eventType, "unit_fact.event_type");
    for (String text : new String[] {factKey, forumId, eventId}) {
      if (text != null && text.indexOf('\0') >= 0) {
        // PostgreSQL's text refuses the NUL character; the live insert would fail on it
        throw new IllegalArgumentException("Text with a NUL character cannot be stored: " + text);
      }
    }
  }

  /** The row an event keeps, empty for an event that says nothing about units. */
  static Optional<UnitFactRow> of(LedgerEvent payload, String eventId) {
    String key;
    String forumId = null;
    if (payload instanceof RepresentativeAppointed e) {
      forumId = e.forumId();
      key = "appointment/" + forumId + "/" + e.appointmentId();
    } else if (payload instanceof AppointmentEnded e) {
      forumId = e.forumId();
      key = "appointment-ended/" + forumId + "/" + e.appointmentId();
    } else if (payload instanceof HeadcountRecorded e) {
      forumId = e.forumId();
      key = "headcount/" + forumId + "/" + e.year() + "/" + e.body().code();
    } else if (payload instanceof ForumGoalsLinked e) {
      forumId = e.forumId();
      key = "goals/" + forumId + "/" + e.body().code();
    } else if (payload instanceof UnitRegistered e) {
      key = "unit/" + e.unit().code();
    } else if (payload instanceof UnitRevised e) {
      key = "unit-revised/" + e.unit().code();
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new UnitFactRow(
            key,
            forumId,
            ForumEventType.of(payload).logicalName(),
            StoredJson.write(payload),
            eventId));
  }

  void copyTo(CopyText out) {
    out.text(factKey).text(forumId).text(eventType).text(record).text(eventId).endRow();
  }
}
