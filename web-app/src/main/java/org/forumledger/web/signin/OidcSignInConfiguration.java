package org.forumledger.web.signin;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;

/**
 * Under the {@code prod} profile, the switch the services take to accept only the provider's
 * tokens, people sign in at the organisation's OpenID Connect provider (authorization code flow)
 * and the services are called with the person's access token, refreshed when it has run out. The
 * rules are {@link SignInRules}; signing out ends the session here and, where the provider offers
 * it, at the provider too.
 */
@Configuration(proxyBeanMethods = false)
@Profile(OidcSignInConfiguration.PROFILE)
class OidcSignInConfiguration {

  static final String PROFILE = "prod";

  private static final String SIGNED_OUT = "/signin?signedOut";

  /**
   * @throws IllegalStateException when the provider is not named, or when the reading pages are
   *     open: they are read as the local viewer, whom production does not have
   */
  @Bean
  ReactiveClientRegistrationRepository clientRegistrations(
      OidcProvider provider, OpenReading openReading) {
    if (isBlank(provider.issuerUri()) || isBlank(provider.clientId())) {
      throw new IllegalStateException(
          "The prod profile signs people in at an OpenID Connect provider:"
              + " set LEDGER_OIDC_ISSUER_URI, LEDGER_OIDC_CLIENT_ID and LEDGER_OIDC_CLIENT_SECRET");
    }
    if (openReading.enabled()) {
      throw new IllegalStateException(
          "LEDGER_WEB_OPEN_READING reads the pages as the local viewer, which the prod profile"
              + " does not have: leave it false in production");
    }
    return new DiscoveredRegistration(provider);
  }

  /** The person's tokens live in the server-side session and end with it. */
  @Bean
  ServerOAuth2AuthorizedClientRepository authorizedClients() {
    return new WebSessionServerOAuth2AuthorizedClientRepository();
  }

  /** Found by type by {@code oauth2Login()}. */
  @Bean
  ReactiveOAuth2UserService<OidcUserRequest, OidcUser> personWithRoles(OidcProvider provider) {
    return ProviderRoles.from(provider.rolesClaim());
  }

  @Bean
  SecurityWebFilterChain webSecurity(
      ServerHttpSecurity http,
      ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients,
      OpenReading openReading) {
    OidcClientInitiatedServerLogoutSuccessHandler signedOut =
        new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
    signedOut.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
    signedOut.setLogoutSuccessUrl(URI.create(SIGNED_OUT));
    return SignInRules.applyTo(http, openReading)
        .oauth2Login(
            login ->
                login
                    .clientRegistrationRepository(registrations)
                    .authorizedClientRepository(authorizedClients)
                    .authenticationFailureHandler(
                        new RedirectServerAuthenticationFailureHandler("/signin?error")))
        .exceptionHandling(
            unauthenticated ->
                unauthenticated.authenticationEntryPoint(
                    new RedirectServerAuthenticationEntryPoint(
                        "/oauth2/authorization/" + DiscoveredRegistration.ID)))
        .logout(
            logout ->
                logout
                    .logoutUrl("/signout")
                    .logoutHandler(
                        new DelegatingServerLogoutHandler(
                            new SecurityContextServerLogoutHandler(),
                            new WebSessionServerLogoutHandler()))
                    .logoutSuccessHandler(signedOut))
        .build();
  }

  /** The person's access token as {@code Authorization: Bearer}, refreshed when it has run out. */
  @Bean
  ServiceCredentials serviceCredentials(
      ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients) {
    DefaultReactiveOAuth2AuthorizedClientManager tokens =
        new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
    tokens.setAuthorizedClientProvider(
        ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
            .authorizationCode()
            .refreshToken()
            .build());
    ServerOAuth2AuthorizedClientExchangeFilterFunction bearer =
        new ServerOAuth2AuthorizedClientExchangeFilterFunction(tokens);
    bearer.setDefaultOAuth2AuthorizedClient(true);
    return new ServiceCredentials(bearer);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
