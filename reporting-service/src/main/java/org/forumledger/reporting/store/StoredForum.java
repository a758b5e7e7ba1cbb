package org.forumledger.reporting.store;

import org.forumledger.reporting.history.ForumState;

/** A forum's row of the current view: its state and the revision that wrote it. */
public record StoredForum(ForumState state, long revision) {}
