package org.forumledger.web.signin;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;

/**
 * What a person may do, whichever way they signed in (local users or the organisation's OpenID
 * Connect provider): reading pages need any role, the audit pages the auditor's, and every POST
 * other than signing out the registrar's, so a viewer's POST is refused here, before it could reach
 * a service. With {@link OpenReading} the reading pages need no sign-in. Spring Security's CSRF
 * protection guards every form.
 */
final class SignInRules {

  /** Nothing is loaded from elsewhere; ECharts and htmx set inline styles. */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " frame-ancestors 'none'; form-action 'self'";

  /** A pattern no request path matches, for when the reading pages stay closed. */
  private static final String[] NONE = {"/.closed"};

  private SignInRules() {}

  static ServerHttpSecurity applyTo(ServerHttpSecurity http, OpenReading openReading) {
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
        .exceptionHandling(
            denied ->
                denied.accessDeniedHandler(
                    new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN)))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(
                        frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY)));
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
}
