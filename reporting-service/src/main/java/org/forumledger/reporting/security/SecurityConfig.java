package org.forumledger.reporting.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.forumledger.events.EventJson;
import org.forumledger.reporting.api.ProblemAdvice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * HTTP Basic with three in-memory users. Reads are open to every role; the audit history and the
 * replay are for auditors. 401 and 403 answer as problem details like every other error.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfig {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  MapReactiveUserDetailsService users(SecurityProperties properties, PasswordEncoder encoder) {
    return new MapReactiveUserDetailsService(
        User.withUsername("registrar")
            .password(encoder.encode(password("registrar", properties.registrarPassword())))
            .roles("REGISTRAR")
            .build(),
        User.withUsername("auditor")
            .password(encoder.encode(password("auditor", properties.auditorPassword())))
            .roles("AUDITOR")
            .build(),
        User.withUsername("viewer")
            .password(encoder.encode(password("viewer", properties.viewerPassword())))
            .roles("VIEWER")
            .build());
  }

  @Bean
  SecurityWebFilterChain securityChain(ServerHttpSecurity http) {
    ServerAuthenticationEntryPoint unauthenticated =
        (exchange, e) -> {
          exchange
              .getResponse()
              .getHeaders()
              .set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"forum-ledger\"");
          return problem(
              exchange,
              HttpStatus.UNAUTHORIZED,
              "unauthenticated",
              "Authentication required",
              "Sign in with HTTP Basic");
        };
    ServerAccessDeniedHandler denied =
        (exchange, e) ->
            problem(
                exchange,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "Your role may not use " + exchange.getRequest().getPath());
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
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
                    .pathMatchers("/audit", "/audit/**", "/admin/**")
                    .hasRole("AUDITOR")
                    .pathMatchers(HttpMethod.GET, "/**")
                    .hasAnyRole("REGISTRAR", "AUDITOR", "VIEWER")
                    .anyExchange()
                    .denyAll())
        .build();
  }

  private static String password(String user, String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    log.warn("No password configured for '{}': a random one was generated for this run", user);
    return generated;
  }

  private static Mono<Void> problem(
      ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", ProblemAdvice.BASE + slug);
    body.put("title", title);
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", exchange.getRequest().getPath().value());
    byte[] bytes;
    try {
      bytes = EventJson.mapper().writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      bytes = ("{\"status\":" + status.value() + "}").getBytes(StandardCharsets.UTF_8);
    }
    var response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    DataBuffer buffer = response.bufferFactory().wrap(bytes);
    return response.writeWith(Mono.just(buffer));
  }
}
