package org.forumledger.cost.projection;

import java.util.List;
import org.forumledger.events.ParticipationRecorded;

/**
 * The current record of one meeting of a forum; {@code supersedes} are the events of the records it
 * corrected, which the history keeps.
 */
public record ParticipationFact(
    ParticipationRecorded record, Provenance source, List<String> supersedes)
    implements CorrectableFact {

  public ParticipationFact {
    supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
  }

  public int year() {
    return record.year();
  }
}
