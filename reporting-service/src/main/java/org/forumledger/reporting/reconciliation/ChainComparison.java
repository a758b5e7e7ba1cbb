package org.forumledger.reporting.reconciliation;

import java.util.ArrayList;
import java.util.List;

/**
 * The third way of the reconciliation: the head of the chain the registry published beside the link
 * each consumer holds, and whether each consumer's link is the one the registry published at that
 * sequence. They can only be expected to be at the same link when the system is quiet.
 */
public record ChainComparison(
    Link registry, Link reporting, Link cost, boolean sameLink, List<String> differences) {

  /** A link of the chain as one service holds it, with the position that goes with it. */
  public record Link(long chainSequence, String hash, long position) {}

  /**
   * @param publishedAtReporting the registry's hash at reporting's sequence (null: none published)
   * @param publishedAtCost the registry's hash at cost's sequence (null: none published)
   */
  static ChainComparison of(
      Link registry,
      Link reporting,
      Link cost,
      String publishedAtReporting,
      String publishedAtCost) {
    List<String> differences = new ArrayList<>();
    compare(differences, "reporting", reporting, publishedAtReporting);
    compare(differences, "cost", cost, publishedAtCost);
    boolean sameLink =
        registry.chainSequence() == reporting.chainSequence()
            && registry.chainSequence() == cost.chainSequence();
    return new ChainComparison(registry, reporting, cost, sameLink, List.copyOf(differences));
  }

  /** When the registry did not answer, nothing can be said of the chain. */
  static ChainComparison unanswered(Link reporting, Link cost, String why) {
    return new ChainComparison(
        null, reporting, cost, false, List.of("the registry's chain: " + why));
  }

  private static void compare(List<String> differences, String side, Link held, String published) {
    if (published == null) {
      differences.add(
          side
              + " holds chain sequence "
              + held.chainSequence()
              + ", where the registry has published nothing");
    } else if (!published.equals(held.hash())) {
      differences.add(
          side
              + " holds chain sequence "
              + held.chainSequence()
              + " as "
              + held.hash()
              + "; the registry published "
              + published);
    }
  }
}
