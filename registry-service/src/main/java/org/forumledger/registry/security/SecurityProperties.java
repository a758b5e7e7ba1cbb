package org.forumledger.registry.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Passwords of the three local users. The local stack supplies them (from the environment or
 * generated once and kept under ./data/); a service started alone without them generates random
 * ones and says so, rather than starting with a known default.
 */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(
    String registrarPassword, String auditorPassword, String viewerPassword, Jwt jwt) {

  public record Jwt(String rolesClaim) {}
}
