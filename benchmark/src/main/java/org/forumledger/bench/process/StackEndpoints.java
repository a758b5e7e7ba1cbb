package org.forumledger.bench.process;

import java.nio.file.Path;
import org.forumledger.bench.http.Users;

/**
 * Where the benchmark finds the stack it measures, who it signs in as, and the directory of the
 * registry's signing key (with the stack's data), with which a history published straight onto the
 * topic is sealed as the registry would seal it.
 */
public record StackEndpoints(
    String registryUrl,
    String costUrl,
    String reportingUrl,
    String kafkaBootstrapServers,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    Users users,
    Path signingKeyDir) {}
