package org.forumledger.cost.readmodel;

/**
 * Where the read model stands: the highest global position it has handled, which every answer is
 * labelled with, and a version that moves with every change to it (each remembered event, each
 * rebuild). Two reads at the same version read the same facts.
 */
public record ReadModelState(long position, long version) {}
