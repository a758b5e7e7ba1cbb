package org.forumledger.cost.units;

import org.forumledger.cost.projection.Provenance;
import org.forumledger.events.LedgerEvent;

/**
 * A stored fact about units: who takes part in a forum (an appointment, its end, a headcount, a
 * goal link) or a unit's registration or revision, with the event it came from.
 *
 * @param forumId the forum it is about, null for a unit's registration or revision
 */
public record UnitFact(String forumId, LedgerEvent event, Provenance source) {}
