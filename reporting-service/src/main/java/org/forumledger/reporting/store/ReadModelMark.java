package org.forumledger.reporting.store;

/**
 * Where the read model stands: the highest global position handled, and the revision of its last
 * change. An answer computed at a mark stays right as long as the mark does.
 */
public record ReadModelMark(long position, long revision) {}
