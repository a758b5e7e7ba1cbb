package org.forumledger.cost.projection;

import java.math.BigDecimal;
import java.util.List;

/**
 * One cost figure of a forum-year (the annual fee or the other costs) with its reasons: the rule
 * applied, the facts it rests on and the configured values it used.
 *
 * @param amountSek exact SEK; zero for NONE, null when there is no amount (not calculated, reported
 *     under another forum, no record)
 */
public record Figure(
    FigureStatus status,
    BigDecimal amountSek,
    Certainty certainty,
    String rule,
    String explanation,
    String reportedUnder,
    List<Provenance> facts,
    List<SettingUsed> settings) {

  public Figure {
    facts = facts == null ? List.of() : List.copyOf(facts);
    settings = settings == null ? List.of() : List.copyOf(settings);
  }

  /**
   * The amount that enters a total: only an AMOUNT counts; a cost reported elsewhere is counted
   * there.
   */
  public BigDecimal summable() {
    return status == FigureStatus.AMOUNT && amountSek != null ? amountSek : BigDecimal.ZERO;
  }
}
