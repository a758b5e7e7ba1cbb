package org.forumledger.web.signin;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The organisation's OpenID Connect provider, which signs people in under the {@code prod} profile,
 * and the claim of its tokens that holds the roles: the same claim the services read ({@code
 * LEDGER_JWT_ROLES_CLAIM}), so a person has the same roles here as there.
 */
@ConfigurationProperties("ledger.oidc")
public record OidcProvider(
    String issuerUri,
    String clientId,
    String clientSecret,
    List<String> scopes,
    String rolesClaim) {

  public OidcProvider {
    scopes =
        scopes == null || scopes.isEmpty() ? List.of("openid", "profile") : List.copyOf(scopes);
    rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
  }
}
