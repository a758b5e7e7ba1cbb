package org.forumledger.cost.projection;

import java.math.BigDecimal;
import java.util.List;
import org.forumledger.events.CostLine;
import org.forumledger.events.CostStatus;

/** The latest other costs recorded for {@code year}. */
public record OtherCostFact(
    int year,
    CostStatus status,
    List<CostLine> lines,
    BigDecimal totalSek,
    String reportedUnder,
    boolean correction,
    Provenance source,
    List<String> supersedes)
    implements CorrectableFact {

  public OtherCostFact {
    lines = lines == null ? List.of() : List.copyOf(lines);
    supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
  }
}
