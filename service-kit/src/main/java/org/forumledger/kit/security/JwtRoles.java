package org.forumledger.kit.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * In production the roles come from a claim of the identity provider's token, as a list or a space-
 * or comma-separated string; the token's subject is the actor.
 */
public final class JwtRoles {

  private JwtRoles() {}

  public static Converter<Jwt, Mono<AbstractAuthenticationToken>> from(String claim) {
    return jwt -> {
      Collection<GrantedAuthority> authorities = new ArrayList<>();
      Object roles = jwt.getClaims().get(claim);
      if (roles instanceof Collection<?> values) {
        values.forEach(v -> authorities.add(new SimpleGrantedAuthority("ROLE_" + v)));
      } else if (roles instanceof String value && !value.isBlank()) {
        List.of(value.strip().split("[ ,]+"))
            .forEach(v -> authorities.add(new SimpleGrantedAuthority("ROLE_" + v)));
      }
      return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    };
  }
}
