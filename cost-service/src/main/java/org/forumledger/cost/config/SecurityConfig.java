package org.forumledger.cost.config;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * HTTP Basic with the registry's three roles: any of them may read costs; only a registrar may
 * rebuild the read model. 401 and 403 are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

  static final String REGISTRAR = "REGISTRAR";
  static final String AUDITOR = "AUDITOR";
  static final String VIEWER = "VIEWER";

  private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  MapReactiveUserDetailsService users(SecurityPasswords passwords, PasswordEncoder encoder) {
    return new MapReactiveUserDetailsService(
        user("registrar", passwords.registrarPassword(), REGISTRAR, encoder),
        user("auditor", passwords.auditorPassword(), AUDITOR, encoder),
        user("viewer", passwords.viewerPassword(), VIEWER, encoder));
  }

  private static UserDetails user(
      String name, String password, String role, PasswordEncoder encoder) {
    String effective = password;
    if (effective == null || effective.isBlank()) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      effective = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      log.warn(
          "No password configured for user '{}': generated a random one; set LEDGER_{}_PASSWORD to choose it",
          name,
          name.toUpperCase());
    }
    return User.withUsername(name).password(encoder.encode(effective)).roles(role).build();
  }

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
    ServerAuthenticationEntryPoint unauthorized =
        (exchange, e) ->
            writeProblem(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Unauthorized",
                "Authentication is required: use HTTP Basic.");
    ServerAccessDeniedHandler forbidden =
        (exchange, e) ->
            writeProblem(
                exchange,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "Your role does not allow this operation.");
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/webjars/**")
                    .permitAll()
                    .pathMatchers("/costs/admin/**")
                    .hasRole(REGISTRAR)
                    .pathMatchers(HttpMethod.GET, "/costs", "/costs/**")
                    .hasAnyRole(REGISTRAR, AUDITOR, VIEWER)
                    .anyExchange()
                    .denyAll())
        .build();
  }

  static Mono<Void> writeProblem(
      ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    String body =
        "{\"type\":\"https://forumledger.org/problems/"
            + slug
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + status.value()
            + ",\"detail\":\""
            + detail
            + "\",\"instance\":\""
            + jsonEscape(exchange.getRequest().getPath().value())
            + "\"}";
    DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }

  private static String jsonEscape(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
