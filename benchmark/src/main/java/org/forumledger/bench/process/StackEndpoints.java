package org.forumledger.bench.process;

import org.forumledger.bench.http.Users;

/** Where the benchmark finds the stack it measures, and who it signs in as. */
public record StackEndpoints(
    String registryUrl,
    String costUrl,
    String reportingUrl,
    String kafkaBootstrapServers,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    Users users) {}
