package org.forumledger.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.forumledger.kit.security.JwtRoles;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** In production the roles come from a claim of the identity provider's token. */
class JwtRolesTest {

  static Jwt token(String claim, Object roles) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject("anna.registrar@goteborg.se")
        .claim(claim, roles)
        .issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .expiresAt(Instant.parse("2026-01-01T01:00:00Z"))
        .build();
  }

  static List<String> authorities(AbstractAuthenticationToken token) {
    return token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  @Test
  void rolesFromAListClaimBecomeRolesAndTheSubjectIsTheActor() {
    AbstractAuthenticationToken token =
        JwtRoles.from("roles").convert(token("roles", List.of("REGISTRAR", "AUDITOR"))).block();

    assertThat(authorities(token)).containsExactly("ROLE_REGISTRAR", "ROLE_AUDITOR");
    assertThat(token.getName()).isEqualTo("anna.registrar@goteborg.se");
  }

  @Test
  void aSpaceOrCommaSeparatedClaimWorksAndAnotherClaimGivesNoRole() {
    assertThat(
            authorities(JwtRoles.from("groups").convert(token("groups", "VIEWER AUDITOR")).block()))
        .containsExactly("ROLE_VIEWER", "ROLE_AUDITOR");
    assertThat(
            authorities(JwtRoles.from("groups").convert(token("groups", "VIEWER,AUDITOR")).block()))
        .containsExactly("ROLE_VIEWER", "ROLE_AUDITOR");
    assertThat(
            authorities(
                JwtRoles.from("roles").convert(token("groups", List.of("REGISTRAR"))).block()))
        .isEmpty();
  }
}
