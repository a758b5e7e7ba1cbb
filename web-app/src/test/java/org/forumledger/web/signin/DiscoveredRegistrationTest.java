package org.forumledger.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

class DiscoveredRegistrationTest {

  @Test
  void aFailedDiscoveryIsTriedAgainAndOneThatSucceededIsKept() throws Exception {
    try (FakeOidcProvider provider = FakeOidcProvider.start()) {
      provider.failsDiscoveries(1);
      DiscoveredRegistration registrations =
          new DiscoveredRegistration(
              new OidcProvider(
                  provider.issuer(), FakeOidcProvider.CLIENT_ID, "secret", null, null));

      assertThatThrownBy(() -> registrations.findByRegistrationId("ledger").block());
      ClientRegistration found = registrations.findByRegistrationId("ledger").block();
      ClientRegistration again = registrations.findByRegistrationId("ledger").block();

      assertThat(found.getProviderDetails().getTokenUri()).isEqualTo(provider.issuer() + "/token");
      assertThat(found.getClientId()).isEqualTo(FakeOidcProvider.CLIENT_ID);
      assertThat(found.getScopes())
          .containsExactlyInAnyOrderElementsOf(List.of("openid", "profile"));
      assertThat(again).isSameAs(found);
      assertThat(provider.discoveries()).isEqualTo(2);
      assertThat(registrations.findByRegistrationId("other").block()).isNull();
    }
  }
}
