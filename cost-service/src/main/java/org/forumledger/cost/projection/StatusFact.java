package org.forumledger.cost.projection;

import java.time.LocalDate;
import org.forumledger.events.ForumStatus;

/** A forum's status from {@code effectiveFrom}. */
public record StatusFact(ForumStatus status, LocalDate effectiveFrom, Provenance source) {}
