package org.forumledger.registry.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  @Profile("!prod")
  public SecurityWebFilterChain basicAuthChain(ServerHttpSecurity http, ProblemWriter problems) {
    return rules(http, problems)
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .build();
  }

  @Bean
  @Profile("prod")
  public SecurityWebFilterChain jwtChain(
      ServerHttpSecurity http, ProblemWriter problems, SecurityProperties properties) {
    String claim = properties.jwt() == null ? "roles" : properties.jwt().rolesClaim();
    return rules(http, problems)
        .oauth2ResourceServer(
            jwt ->
                jwt.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(spec -> spec.jwtAuthenticationConverter(rolesFrom(claim))))
        .build();
  }

  private static ServerHttpSecurity rules(ServerHttpSecurity http, ProblemWriter problems) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeExchange(
            exchange ->
                exchange
                    .pathMatchers("/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .pathMatchers(
                        "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, "/**")
                    .hasAnyRole(Roles.REGISTRAR, Roles.AUDITOR, Roles.VIEWER)
                    .anyExchange()
                    .hasRole(Roles.REGISTRAR));
  }

  @Bean
  @Profile("!prod")
  public ReactiveAuthenticationManager basicAuthentication(
      MapReactiveUserDetailsService users, PasswordEncoder passwordEncoder) {
    UserDetailsRepositoryReactiveAuthenticationManager checker =
        new UserDetailsRepositoryReactiveAuthenticationManager(users);
    checker.setPasswordEncoder(passwordEncoder);
    return new CachingAuthenticationManager(checker, Duration.ofMinutes(5));
  }

  @Bean
  public PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  @Profile("!prod")
  public MapReactiveUserDetailsService users(
      SecurityProperties properties, PasswordEncoder encoder) {
    return new MapReactiveUserDetailsService(
        user("registrar", properties.registrarPassword(), Roles.REGISTRAR, encoder),
        user("auditor", properties.auditorPassword(), Roles.AUDITOR, encoder),
        user("viewer", properties.viewerPassword(), Roles.VIEWER, encoder));
  }

  private static org.springframework.security.core.userdetails.UserDetails user(
      String name, String password, String role, PasswordEncoder encoder) {
    String effective = password;
    if (effective == null || effective.isBlank()) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      effective = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      log.warn(
          "No password configured for user '{}': a random one was generated for this run", name);
    }
    return User.withUsername(name).password(encoder.encode(effective)).roles(role).build();
  }

  static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesFrom(String claim) {
    return jwt -> {
      Collection<GrantedAuthority> authorities = new ArrayList<>();
      Object roles = jwt.getClaims().get(claim);
      if (roles instanceof Collection<?> values) {
        values.forEach(v -> authorities.add(new SimpleGrantedAuthority("ROLE_" + v)));
      } else if (roles instanceof String value) {
        List.of(value.split("[ ,]+"))
            .forEach(v -> authorities.add(new SimpleGrantedAuthority("ROLE_" + v)));
      }
      return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    };
  }
}
