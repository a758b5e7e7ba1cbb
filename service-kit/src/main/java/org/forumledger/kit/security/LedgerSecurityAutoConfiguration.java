package org.forumledger.kit.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.forumledger.kit.problem.ProblemResponses;
import org.forumledger.kit.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * One security chain for every service, built from the service's {@link AccessTable}: HTTP Basic
 * with three local users (verified credentials cached) by default, an OAuth2 JWT resource server
 * under the {@code prod} profile. Both are stateless; 401 and 403 are problems from the catalogue.
 *
 * <p>Before the service's table: health, info and the API documentation are open; the other
 * actuator endpoints (metrics, prometheus) are for auditors. After it, everything is refused.
 */
@AutoConfiguration(
    before = {
      ReactiveWebSecurityAutoConfiguration.class,
      ReactiveManagementWebSecurityAutoConfiguration.class,
      ReactiveUserDetailsServiceAutoConfiguration.class,
      ReactiveOAuth2ResourceServerAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class LedgerSecurityAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LedgerSecurityAutoConfiguration.class);

  /** Open to anyone: liveness and readiness, and the description of the API. */
  public static final String[] OPEN =
      new String[] {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/v3/api-docs.yaml",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/webjars/**"
      };

  /** 401 with the challenge of the scheme the chain takes: Basic locally, Bearer in production. */
  static ServerAuthenticationEntryPoint unauthenticated(String challenge) {
    return (exchange, e) -> {
      exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
      return ProblemResponses.write(
          exchange, ProblemType.UNAUTHENTICATED, "Sign in to use this address.");
    };
  }

  static final String BASIC = "Basic realm=\"forum-ledger\"";
  static final String BEARER = "Bearer realm=\"forum-ledger\"";

  static final ServerAccessDeniedHandler FORBIDDEN =
      (exchange, e) ->
          ProblemResponses.write(
              exchange, ProblemType.FORBIDDEN, "Your role does not allow this request.");

  @Bean
  @Profile("!prod")
  SecurityWebFilterChain basicAuthChain(
      ServerHttpSecurity http,
      ObjectProvider<AccessTable> table,
      ReactiveAuthenticationManager basicAuthentication) {
    ServerAuthenticationEntryPoint unauthenticated = unauthenticated(BASIC);
    return rules(http, table, unauthenticated)
        .httpBasic(
            basic ->
                basic
                    .authenticationManager(basicAuthentication)
                    .authenticationEntryPoint(unauthenticated))
        .build();
  }

  @Bean
  @Profile("prod")
  SecurityWebFilterChain jwtChain(
      ServerHttpSecurity http,
      ObjectProvider<AccessTable> table,
      ReactiveJwtDecoder decoder,
      LedgerSecurityProperties properties) {
    ServerAuthenticationEntryPoint unauthenticated = unauthenticated(BEARER);
    return rules(http, table, unauthenticated)
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(FORBIDDEN)
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(
                                    JwtRoles.from(properties.jwt().rolesClaim()))))
        .build();
  }

  /** Resolved on first use, so a service starts while the identity provider is still away. */
  @Bean
  @Profile("prod")
  @ConditionalOnMissingBean
  ReactiveJwtDecoder jwtDecoder(LedgerSecurityProperties properties) {
    LedgerSecurityProperties.Jwt jwt = properties.jwt();
    if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
      return NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
    }
    if (jwt.issuerUri() == null || jwt.issuerUri().isBlank()) {
      throw new IllegalStateException(
          "The prod profile needs LEDGER_JWT_ISSUER_URI (or LEDGER_JWT_JWK_SET_URI)");
    }
    return new SupplierReactiveJwtDecoder(
        () -> ReactiveJwtDecoders.fromIssuerLocation(jwt.issuerUri()));
  }

  private static ServerHttpSecurity rules(
      ServerHttpSecurity http,
      ObjectProvider<AccessTable> table,
      ServerAuthenticationEntryPoint unauthenticated) {
    AccessTable routes = table.getIfAvailable(() -> AccessTable.builder().build());
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        // nothing is redirected to a login page, so no request is saved for after it: the
        // default cache opened a WebSession per request (a SecureRandom UUID and two hops to
        // other schedulers, by profile)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(FORBIDDEN))
        .authorizeExchange(
            exchange -> {
              exchange.pathMatchers(OPEN).permitAll();
              exchange.pathMatchers("/actuator/**").hasRole(Roles.AUDITOR);
              for (AccessTable.Route route : routes.routes()) {
                var matched =
                    route.method() == null
                        ? exchange.pathMatchers(route.pattern())
                        : exchange.pathMatchers(route.method(), route.pattern());
                matched.hasAnyRole(route.roles().toArray(String[]::new));
              }
              exchange.anyExchange().denyAll();
            });
  }

  /**
   * No observation (metric, trace span) per security filter, authentication and authorization:
   * Spring Security's default wraps each of the chain's filters in an observation of its own on
   * every request, a share of every request's CPU by profile. The request as a whole is still
   * observed ({@code http.server.requests}).
   */
  @Bean
  @ConditionalOnMissingBean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @Profile("!prod")
  ReactiveAuthenticationManager basicAuthentication(
      MapReactiveUserDetailsService users, PasswordEncoder passwordEncoder) {
    UserDetailsRepositoryReactiveAuthenticationManager checker =
        new UserDetailsRepositoryReactiveAuthenticationManager(users);
    checker.setPasswordEncoder(passwordEncoder);
    return new CachingAuthenticationManager(checker, Duration.ofMinutes(5));
  }

  @Bean
  @ConditionalOnMissingBean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  @Profile("!prod")
  MapReactiveUserDetailsService users(
      LedgerSecurityProperties properties, PasswordEncoder encoder) {
    return new MapReactiveUserDetailsService(
        user("registrar", properties.registrarPassword(), Roles.REGISTRAR, encoder),
        user("auditor", properties.auditorPassword(), Roles.AUDITOR, encoder),
        user("viewer", properties.viewerPassword(), Roles.VIEWER, encoder));
  }

  private static UserDetails user(
      String name, String password, String role, PasswordEncoder encoder) {
    String effective = password;
    if (effective == null || effective.isBlank()) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      effective = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      log.warn(
          "No password configured for user '{}': a random one was generated for this run; set"
              + " LEDGER_{}_PASSWORD to choose it",
          name,
          name.toUpperCase(java.util.Locale.ROOT));
    }
    return User.withUsername(name).password(encoder.encode(effective)).roles(role).build();
  }
}
