package org.forumledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A review was closed, every participation in its scope assessed. */
@Revision("1")
public record ReviewClosed(String reviewId, LocalDate closedOn) implements ReviewEvent {}
