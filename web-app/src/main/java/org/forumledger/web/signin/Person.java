package org.forumledger.web.signin;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is signed in and what the pages offer them. */
public record Person(String name, Set<Role> roles) {

  public static final Person NOBODY = new Person(null, Set.of());

  public static Person of(Authentication authentication) {
    Set<Role> roles =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority.startsWith("ROLE_"))
            .map(authority -> authority.substring("ROLE_".length()))
            .flatMap(
                name -> java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(name)))
            .collect(Collectors.toUnmodifiableSet());
    return new Person(authentication.getName(), roles);
  }

  /** The person of the request being handled, or {@link #NOBODY}. */
  public static reactor.core.publisher.Mono<Person> current() {
    return org.springframework.security.core.context.ReactiveSecurityContextHolder.getContext()
        .map(org.springframework.security.core.context.SecurityContext::getAuthentication)
        .map(Person::of)
        .defaultIfEmpty(NOBODY);
  }

  public boolean signedIn() {
    return name != null;
  }

  public boolean canRecord() {
    return roles.contains(Role.REGISTRAR);
  }

  public boolean canAudit() {
    return roles.contains(Role.AUDITOR);
  }
}
