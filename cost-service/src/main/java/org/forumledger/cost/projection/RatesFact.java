package org.forumledger.cost.projection;

import java.util.List;
import org.forumledger.events.CostRatesRecorded;

/** A year's current cost rates, the event that recorded them and those it corrected. */
public record RatesFact(CostRatesRecorded rates, Provenance source, List<String> supersedes)
    implements CorrectableFact {

  public RatesFact {
    supersedes = supersedes == null ? List.of() : List.copyOf(supersedes);
  }

  public int year() {
    return rates.year();
  }
}
