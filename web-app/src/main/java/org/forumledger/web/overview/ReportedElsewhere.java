package org.forumledger.web.overview;

import java.util.List;
import org.forumledger.web.forums.Forum;

/**
 * A forum whose fee or other cost of the year is carried by another forum (the Eurocities forums
 * refer theirs to 2.14.6): shown by name so nobody reads its absent figures as zero, nor counts
 * them twice.
 */
public record ReportedElsewhere(Forum forum, boolean fee, boolean otherCost, String reportedUnder) {

  static List<ReportedElsewhere> in(List<Forum> forums, int year) {
    return forums.stream()
        .map(forum -> of(forum, year))
        .flatMap(java.util.Optional::stream)
        .toList();
  }

  private static java.util.Optional<ReportedElsewhere> of(Forum forum, int year) {
    var fee = forum.feeFor(year).filter(Forum.Fee::reportedElsewhere);
    var otherCost = forum.otherCostFor(year).filter(Forum.OtherCost::reportedElsewhere);
    if (fee.isEmpty() && otherCost.isEmpty()) {
      return java.util.Optional.empty();
    }
    String under =
        fee.map(Forum.Fee::reportedUnder)
            .orElseGet(() -> otherCost.map(Forum.OtherCost::reportedUnder).orElse(""));
    return java.util.Optional.of(
        new ReportedElsewhere(forum, fee.isPresent(), otherCost.isPresent(), under));
  }
}
