package org.forumledger.events;

import org.axonframework.serialization.Revision;

/**
 * How many take part for a body in a year where names are not kept, as a range and as the source
 * wrote it ("1-2", "2 per forum"). A later record for the same body and year replaces the earlier.
 *
 * <p>Revision 2: {@code headcount} is null when the count is unknown and only the source's words
 * are kept in {@code asWritten} (the 2023 report's "2 per forum" for Eurocities, 2.14.6, which
 * gives no number for the entry as a whole). Unknown is not zero: such a record adds nothing to any
 * count. Every revision 1 record has a headcount, so it reads as revision 2 unchanged.
 */
@Revision("2")
public record HeadcountRecorded(
    String forumId, int year, Body body, CountRange headcount, String asWritten)
    implements ForumEvent {

  /** The count is unknown; only the words the source used are kept. */
  public boolean countUnknown() {
    return headcount == null;
  }
}
