package org.forumledger.cost.projection;

import static java.util.stream.Collectors.toSet;

import java.util.List;
import java.util.Set;

/** A recorded cost fact: the event it came from and the earlier events it replaced. */
public sealed interface CorrectableFact
    permits FeeFact, OtherCostFact, ParticipationFact, RatesFact, DecisionFact {

  Provenance source();

  List<String> supersedes();

  /** The events replaced by those of {@code facts} that {@code figure} rests on. */
  static List<String> supersededBehind(Figure figure, List<? extends CorrectableFact> facts) {
    Set<String> cited = figure.facts().stream().map(Provenance::eventId).collect(toSet());
    return facts.stream()
        .filter(f -> cited.contains(f.source().eventId()))
        .flatMap(f -> f.supersedes().stream())
        .toList();
  }
}
