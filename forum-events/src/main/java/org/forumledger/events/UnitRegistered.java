package org.forumledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A committee, administration or company was registered as a unit that takes part in forums.
 *
 * @param unit its code, which every fact about its participation names
 * @param name its name, e.g. {@code miljö- och klimatnämnden}
 * @param kind committee, administration or company
 * @param partOf the unit it belongs to (an administration's committee), or null
 * @param validFrom the first day it exists, or null when the source does not say
 * @param validTo its last day, or null while it exists
 * @param source the document and phrase it is taken from, or null when a registrar entered it
 */
@Revision("1")
public record UnitRegistered(
    Body unit,
    String name,
    UnitKind kind,
    Body partOf,
    LocalDate validFrom,
    LocalDate validTo,
    SourceReference source)
    implements UnitEvent {

  /** The unit was valid on {@code day}: from its first day (if known) to its last (if any). */
  public boolean validOn(LocalDate day) {
    return (validFrom == null || !day.isBefore(validFrom))
        && (validTo == null || !day.isAfter(validTo));
  }

  /** The unit's details after {@code revised}. */
  public UnitRegistered revisedBy(UnitRevised revised) {
    return new UnitRegistered(
        unit,
        revised.name(),
        revised.kind(),
        revised.partOf(),
        revised.validFrom(),
        revised.validTo(),
        revised.source());
  }
}
