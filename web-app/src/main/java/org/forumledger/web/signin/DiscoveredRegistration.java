package org.forumledger.web.signin;

import java.time.Duration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The web app's registration at the provider, discovered from the issuer's {@code
 * /.well-known/openid-configuration} on first use rather than at start: the web app starts while
 * the provider is briefly away, a failed discovery is tried again at the next sign-in, and one that
 * succeeded is kept.
 */
final class DiscoveredRegistration implements ReactiveClientRegistrationRepository {

  static final String ID = "ledger";

  /** How long Reactor's cache keeps a value it never lets go of. */
  private static final Duration KEPT = Duration.ofMillis(Long.MAX_VALUE);

  private final Mono<ClientRegistration> registration;

  DiscoveredRegistration(OidcProvider provider) {
    this.registration =
        Mono.fromCallable(
                () ->
                    ClientRegistrations.fromIssuerLocation(provider.issuerUri())
                        .registrationId(ID)
                        .clientId(provider.clientId())
                        .clientSecret(provider.clientSecret())
                        .scope(provider.scopes())
                        .userNameAttributeName(IdTokenClaimNames.SUB)
                        .build())
            .subscribeOn(Schedulers.boundedElastic())
            .cache(found -> KEPT, failed -> Duration.ZERO, () -> Duration.ZERO);
  }

  @Override
  public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
    return ID.equals(registrationId) ? registration : Mono.empty();
  }
}
