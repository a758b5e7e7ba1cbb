package org.forumledger.web.signin;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person signed in at the provider, with the roles of the roles claim of the ID token or the
 * userinfo, read as the services read it from the access token: a list or a space- or
 * comma-separated string, each value a {@link Role} name. The person's name is the subject, which
 * is also the actor the services record.
 */
final class ProviderRoles {

  private ProviderRoles() {}

  static ReactiveOAuth2UserService<OidcUserRequest, OidcUser> from(String claim) {
    OidcReactiveOAuth2UserService provider = new OidcReactiveOAuth2UserService();
    return request ->
        provider
            .loadUser(request)
            .map(
                user ->
                    new DefaultOidcUser(
                        authorities(user.getClaims().get(claim)),
                        user.getIdToken(),
                        user.getUserInfo(),
                        IdTokenClaimNames.SUB));
  }

  static List<GrantedAuthority> authorities(Object roles) {
    Stream<String> names = Stream.empty();
    if (roles instanceof Collection<?> values) {
      names = values.stream().map(String::valueOf);
    } else if (roles instanceof String value && !value.isBlank()) {
      names = Stream.of(value.strip().split("[ ,]+"));
    }
    return names.<GrantedAuthority>map(name -> new SimpleGrantedAuthority("ROLE_" + name)).toList();
  }
}
