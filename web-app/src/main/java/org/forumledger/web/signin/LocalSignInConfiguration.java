package org.forumledger.web.signin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

/**
 * Sign-in with a form against the local users, except under the {@code prod} profile (see {@link
 * OidcSignInConfiguration}); the session lives on the server. The rules are {@link SignInRules}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + OidcSignInConfiguration.PROFILE)
class LocalSignInConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LocalSignInConfiguration.class);

  @Bean
  SecurityWebFilterChain webSecurity(
      ServerHttpSecurity http, ReactiveAuthenticationManager signIn, OpenReading openReading) {
    RedirectServerLogoutSuccessHandler signedOut = new RedirectServerLogoutSuccessHandler();
    signedOut.setLogoutSuccessUrl(URI.create("/signin?signedOut"));
    return SignInRules.applyTo(http, openReading)
        .authenticationManager(signIn)
        .formLogin(
            form ->
                form.loginPage("/signin")
                    .authenticationFailureHandler(
                        new RedirectServerAuthenticationFailureHandler("/signin?error")))
        .logout(logout -> logout.logoutUrl("/signout").logoutSuccessHandler(signedOut))
        .build();
  }

  /**
   * The services are called with the signed-in person's own name and password. When the reading
   * pages are open, a GET for someone not signed in is read as the local viewer.
   */
  @Bean
  ServiceCredentials serviceCredentials(OpenReading openReading, LocalUsers users) {
    return new ServiceCredentials(
        asSignedInUser(openReading.enabled() ? users.viewerPassword() : null));
  }

  /**
   * Checks the password against the local users and keeps what the person typed in the signed-in
   * authentication, which lives only in the server-side session: the web app calls the services
   * with it, as that person.
   */
  @Bean
  ReactiveAuthenticationManager signIn(LocalUsers users) {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    List<UserDetails> known = new ArrayList<>();
    Map<String, String> passwords =
        Map.of(
            "registrar", nullToEmpty(users.registrarPassword()),
            "auditor", nullToEmpty(users.auditorPassword()),
            "viewer", nullToEmpty(users.viewerPassword()));
    passwords.forEach(
        (name, password) -> {
          if (password.isBlank()) {
            log.warn("No password set for {}: that user cannot sign in", name);
            return;
          }
          known.add(
              User.withUsername(name)
                  .password(encoder.encode(password))
                  .roles(Role.valueOf(name.toUpperCase(java.util.Locale.ROOT)).name())
                  .build());
        });
    if (known.isEmpty()) {
      log.warn("No local user has a password: set LEDGER_*_PASSWORD as for the services");
    }
    UserDetailsRepositoryReactiveAuthenticationManager checked =
        new UserDetailsRepositoryReactiveAuthenticationManager(
            known.isEmpty() ? username -> Mono.empty() : new MapReactiveUserDetailsService(known));
    checked.setPasswordEncoder(encoder);
    return attempt ->
        checked
            .authenticate(attempt)
            .map(
                verified ->
                    UsernamePasswordAuthenticationToken.authenticated(
                        verified.getName(), attempt.getCredentials(), verified.getAuthorities()));
  }

  /**
   * @param readerPassword the local viewer's password, with which a reading page is read for
   *     someone not signed in when the reading pages are open; null when they are not
   */
  private static ExchangeFilterFunction asSignedInUser(String readerPassword) {
    return (request, next) ->
        ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .filter(authentication -> authentication.getCredentials() instanceof String)
            .map(p -> withBasic(request, p.getName(), (String) p.getCredentials()))
            .switchIfEmpty(
                Mono.fromSupplier(
                    () ->
                        readerPassword != null
                                && !readerPassword.isBlank()
                                && request.method() == HttpMethod.GET
                            ? withBasic(request, "viewer", readerPassword)
                            : request))
            .flatMap(next::exchange);
  }

  private static ClientRequest withBasic(ClientRequest request, String name, String password) {
    return ClientRequest.from(request)
        .headers(headers -> headers.setBasicAuth(name, password))
        .build();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
