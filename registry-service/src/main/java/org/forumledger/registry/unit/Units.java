package org.forumledger.registry.unit;

import java.time.LocalDate;
import java.util.Optional;
import org.forumledger.events.Body;
import org.forumledger.events.UnitRegistered;
import org.forumledger.registry.forum.domain.ForumRuleViolation;

/**
 * The units the registry knows, as the rules of a forum, a review or another unit ask for them. KS
 * and SLK are known before any unit is registered ({@link Body#ofTheInventory2023()}).
 */
@FunctionalInterface
public interface Units {

  /** The unit's details as they now stand, or empty when it is not registered. */
  Optional<UnitRegistered> unit(Body body);

  /** Known units, none of them registered: KS and SLK alone. */
  static Units none() {
    return body -> Optional.empty();
  }

  /**
   * Refuses (422) a fact of {@code body} from {@code first} to {@code last} unless the body is KS
   * or SLK or a registered unit valid on one of those days.
   */
  default void requireValid(Body body, LocalDate first, LocalDate last, String field) {
    if (body == null || body.ofTheInventory2023()) {
      return;
    }
    UnitRegistered unit =
        unit(body)
            .orElseThrow(
                () ->
                    new ForumRuleViolation(
                        field,
                        field
                            + " "
                            + body
                            + " is not a registered unit: register it first (PUT /units/"
                            + body
                            + ")"));
    boolean overlaps =
        (unit.validFrom() == null || !unit.validFrom().isAfter(last))
            && (unit.validTo() == null || !unit.validTo().isBefore(first));
    if (!overlaps) {
      throw new ForumRuleViolation(
          field,
          field
              + " "
              + body
              + " is not valid on "
              + (first.equals(last) ? first : first + " to " + last)
              + " (valid "
              + (unit.validFrom() == null ? "" : "from " + unit.validFrom() + " ")
              + (unit.validTo() == null ? "while it exists" : "to " + unit.validTo())
              + ")");
    }
  }

  default void requireValid(Body body, LocalDate day, String field) {
    requireValid(body, day, day, field);
  }
}
