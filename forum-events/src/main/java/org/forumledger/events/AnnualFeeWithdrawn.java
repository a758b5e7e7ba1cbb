package org.forumledger.events;

import org.axonframework.serialization.Revision;

/** The fee recorded from {@code fromYear} was withdrawn: it should never have been recorded. */
@Revision("1")
public record AnnualFeeWithdrawn(String forumId, int fromYear) implements ForumEvent {}
