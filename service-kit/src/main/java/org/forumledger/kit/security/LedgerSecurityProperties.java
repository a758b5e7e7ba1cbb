package org.forumledger.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Passwords of the three local users (the local stack supplies them; a service started alone
 * without them generates random ones and says so, rather than starting with a known default) and,
 * in production, where the JWTs come from and which claim holds the roles.
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(
    String registrarPassword, String auditorPassword, String viewerPassword, Jwt jwt) {

  public LedgerSecurityProperties {
    jwt = jwt == null ? new Jwt(null, null, null) : jwt;
  }

  public record Jwt(String issuerUri, String jwkSetUri, String rolesClaim) {
    public Jwt {
      rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    }
  }
}
