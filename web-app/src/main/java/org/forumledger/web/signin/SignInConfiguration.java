package org.forumledger.web.signin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;

/**
 * Sign-in with a form against the local users; the session lives on the server. Reading pages need
 * any role, the audit pages the auditor's, and every POST other than signing in and out the
 * registrar's: a viewer's POST is refused here, before it could reach a service. With {@link
 * OpenReading} the reading pages need no sign-in. Spring Security's CSRF protection guards every
 * form.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SignInConfiguration.class);

  /** Nothing is loaded from elsewhere; ECharts and htmx set inline styles. */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " frame-ancestors 'none'; form-action 'self'";

  /** A pattern no request path matches, for when the reading pages stay closed. */
  private static final String[] NONE = {"/.closed"};

  @Bean
  SecurityWebFilterChain webSecurity(
      ServerHttpSecurity http, ReactiveAuthenticationManager signIn, OpenReading openReading) {
    RedirectServerLogoutSuccessHandler signedOut = new RedirectServerLogoutSuccessHandler();
    signedOut.setLogoutSuccessUrl(URI.create("/signin?signedOut"));
    return http.authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers("/css/**", "/js/**", "/webjars/**", "/signin")
                    .permitAll()
                    .pathMatchers("/actuator/health", "/actuator/info")
                    .permitAll()
                    .pathMatchers("/audit", "/audit/**")
                    .hasRole(Role.AUDITOR.name())
                    .pathMatchers(HttpMethod.POST, "/signout")
                    .authenticated()
                    .pathMatchers(HttpMethod.GET, "/forums/new", "/imports")
                    .hasRole(Role.REGISTRAR.name())
                    .pathMatchers(HttpMethod.GET, openReading.enabled() ? OpenReading.PAGES : NONE)
                    .permitAll()
                    .pathMatchers(HttpMethod.POST, "/**")
                    .hasRole(Role.REGISTRAR.name())
                    .pathMatchers(HttpMethod.GET, "/**")
                    .authenticated()
                    .anyExchange()
                    .denyAll())
        .csrf(csrf -> csrf.csrfTokenRequestHandler(tokenAlsoInUploads()))
        .authenticationManager(signIn)
        .formLogin(
            form ->
                form.loginPage("/signin")
                    .authenticationFailureHandler(
                        new RedirectServerAuthenticationFailureHandler("/signin?error")))
        .logout(logout -> logout.logoutUrl("/signout").logoutSuccessHandler(signedOut))
        .exceptionHandling(
            denied ->
                denied.accessDeniedHandler(
                    new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN)))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(
                        frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY)))
        .build();
  }

  /**
   * The CSRF token is read from a multipart form too (the inventory upload), not only from a plain
   * one.
   */
  private static XorServerCsrfTokenRequestAttributeHandler tokenAlsoInUploads() {
    XorServerCsrfTokenRequestAttributeHandler handler =
        new XorServerCsrfTokenRequestAttributeHandler();
    handler.setTokenFromMultipartDataEnabled(true);
    return handler;
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
            known.isEmpty()
                ? username -> reactor.core.publisher.Mono.empty()
                : new MapReactiveUserDetailsService(known));
    checked.setPasswordEncoder(encoder);
    return attempt ->
        checked
            .authenticate(attempt)
            .map(
                verified ->
                    UsernamePasswordAuthenticationToken.authenticated(
                        verified.getName(), attempt.getCredentials(), verified.getAuthorities()));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
