package org.forumledger.bench.commands;

/**
 * One write to the registry's API: {@code forum} is the client's forum it changes, null for a
 * registration, which creates one.
 */
public record RegistryCommand(
    String kind, String method, String path, String body, BenchForum forum) {}
