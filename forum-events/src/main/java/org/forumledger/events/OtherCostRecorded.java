package org.forumledger.events;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The other costs of taking part in a year: an estimate by category ({@link CostStatus#AMOUNT},
 * {@code totalSek} is the sum of the lines), none, not calculated, or reported under another forum.
 * A later record for the same year replaces the earlier; {@code correction} marks a correction.
 */
@Revision("1")
public record OtherCostRecorded(
    String forumId,
    int year,
    CostStatus status,
    List<CostLine> lines,
    BigDecimal totalSek,
    String reportedUnder,
    boolean correction)
    implements ForumEvent {

  public OtherCostRecorded {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
