package org.forumledger.events;

import org.axonframework.serialization.Revision;

/** The other costs recorded for {@code year} were withdrawn. */
@Revision("1")
public record OtherCostWithdrawn(String forumId, int year) implements ForumEvent {}
