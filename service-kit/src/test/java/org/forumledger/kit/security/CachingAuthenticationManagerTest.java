package org.forumledger.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CachingAuthenticationManagerTest {

  final AtomicInteger checks = new AtomicInteger();
  final ReactiveAuthenticationManager slowHash =
      authentication -> {
        checks.incrementAndGet();
        return "right".equals(authentication.getCredentials())
            ? Mono.just(
                UsernamePasswordAuthenticationToken.authenticated(
                    authentication.getName(),
                    null,
                    AuthorityUtils.createAuthorityList("ROLE_REGISTRAR")))
            : Mono.error(new BadCredentialsException("bad"));
      };
  final CachingAuthenticationManager manager =
      new CachingAuthenticationManager(slowHash, Duration.ofMinutes(5));

  @Test
  void aVerifiedPasswordIsCheckedOnceButAWrongOneEveryTime() {
    for (int i = 0; i < 3; i++) {
      StepVerifier.create(
              manager.authenticate(
                  UsernamePasswordAuthenticationToken.unauthenticated("registrar", "right")))
          .assertNext(
              a ->
                  assertThat(a.getAuthorities())
                      .extracting(Object::toString)
                      .containsExactly("ROLE_REGISTRAR"))
          .verifyComplete();
    }
    assertThat(checks).hasValue(1);

    for (int i = 0; i < 2; i++) {
      StepVerifier.create(
              manager.authenticate(
                  UsernamePasswordAuthenticationToken.unauthenticated("registrar", "wrong")))
          .verifyError(BadCredentialsException.class);
    }
    assertThat(checks).hasValue(3);
  }
}
