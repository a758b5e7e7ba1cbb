package org.forumledger.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.forumledger.events.Sha256;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Remembers a successful Basic login for a few minutes, keyed by the user and a SHA-256 of the
 * password, so that a client sending hundreds of requests pays for the deliberately slow password
 * hash once, not on every request. A wrong password is never cached.
 */
public class CachingAuthenticationManager implements ReactiveAuthenticationManager {

  private final ReactiveAuthenticationManager delegate;
  private final Cache<String, Authentication> verified;

  public CachingAuthenticationManager(ReactiveAuthenticationManager delegate, Duration ttl) {
    this.delegate = delegate;
    this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1_000).build();
  }

  @Override
  public Mono<Authentication> authenticate(Authentication authentication) {
    if (!(authentication instanceof UsernamePasswordAuthenticationToken)
        || authentication.getCredentials() == null) {
      return delegate.authenticate(authentication);
    }
    String key =
        authentication.getName() + ":" + Sha256.hex(authentication.getCredentials().toString());
    Authentication known = verified.getIfPresent(key);
    if (known != null) {
      return Mono.just(known);
    }
    return delegate.authenticate(authentication).doOnNext(result -> verified.put(key, result));
  }
}
