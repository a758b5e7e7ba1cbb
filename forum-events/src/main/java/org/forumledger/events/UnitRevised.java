package org.forumledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A unit's details as they now stand, replacing the earlier ones: renamed, merged into another
 * ({@code validTo} set), or corrected. The reason travels in the metadata. The code never changes.
 */
@Revision("1")
public record UnitRevised(
    Body unit,
    String name,
    UnitKind kind,
    Body partOf,
    LocalDate validFrom,
    LocalDate validTo,
    SourceReference source)
    implements UnitEvent {}
