package org.forumledger.web.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small OpenID Connect provider on a random port: discovery, its signing key, an authorization
 * endpoint that signs in whoever the test names next (no page), a token endpoint for the
 * authorization code and refresh token grants, and an end-session endpoint. Tokens are RS256 JWTs
 * with the roles in the {@code roles} claim, as the organisation's provider would issue them.
 */
final class FakeOidcProvider implements AutoCloseable {

  static final String CLIENT_ID = "forum-ledger-web";
  static final String CLIENT_SECRET = "web-secret";
  private static final long REFRESHED_SECONDS = 300;

  /**
   * Who the authorization endpoint signs in, their roles claim (a list or a string), and for how
   * long the access token for the code is good (one from a refresh is good for five minutes).
   */
  record Person(String subject, Object roles, long accessTokenSeconds) {}

  /** What the token endpoint answered: the tokens the web app holds for the person. */
  record Tokens(String accessToken, String idToken, String refreshToken) {}

  private record Grant(Person person, String nonce) {}

  private final HttpServer server;
  private final RSAKey key;
  private final AtomicReference<Person> next = new AtomicReference<>();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Person> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, List<Tokens>> issued = new ConcurrentHashMap<>();
  private final List<String> refreshed = new CopyOnWriteArrayList<>();
  private final List<URI> signOuts = new CopyOnWriteArrayList<>();
  private final AtomicInteger discoveries = new AtomicInteger();
  private final AtomicInteger failingDiscoveries = new AtomicInteger();

  private FakeOidcProvider() throws IOException, JOSEException {
    key = new RSAKeyGenerator(2048).keyID("fake-provider").generate();
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/.well-known/openid-configuration", this::discovery);
    server.createContext(
        "/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toJSONObject()));
    server.createContext("/authorize", this::authorize);
    server.createContext("/token", this::token);
    server.createContext("/logout", this::endSession);
    server.start();
  }

  static FakeOidcProvider start() throws IOException, JOSEException {
    return new FakeOidcProvider();
  }

  String issuer() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  /** The next {@code count} discovery requests are answered 503, as by a provider still away. */
  void failsDiscoveries(int count) {
    failingDiscoveries.set(count);
  }

  /** The next person to pass the authorization endpoint. */
  void signsInNext(Person person) {
    next.set(person);
  }

  /** The tokens issued to the subject, for the code and then at each refresh. */
  List<Tokens> tokensOf(String subject) {
    return List.copyOf(issued.getOrDefault(subject, List.of()));
  }

  /** The refresh tokens the web app redeemed, in order. */
  List<String> refreshed() {
    return List.copyOf(refreshed);
  }

  List<URI> signOuts() {
    return List.copyOf(signOuts);
  }

  int discoveries() {
    return discoveries.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void discovery(HttpExchange exchange) throws IOException {
    discoveries.incrementAndGet();
    if (failingDiscoveries.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
      return;
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("issuer", issuer());
    metadata.put("authorization_endpoint", issuer() + "/authorize");
    metadata.put("token_endpoint", issuer() + "/token");
    metadata.put("jwks_uri", issuer() + "/jwks");
    metadata.put("end_session_endpoint", issuer() + "/logout");
    metadata.put("response_types_supported", List.of("code"));
    metadata.put("subject_types_supported", List.of("public"));
    metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
    metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
    metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
    metadata.put("scopes_supported", List.of("openid", "profile"));
    json(exchange, metadata);
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    Person person = next.get();
    if (person == null || !CLIENT_ID.equals(query.get("client_id"))) {
      exchange.sendResponseHeaders(400, -1);
      exchange.close();
      return;
    }
    String code = UUID.randomUUID().toString();
    codes.put(code, new Grant(person, query.get("nonce")));
    redirect(
        exchange,
        query.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
  }

  private void token(HttpExchange exchange) throws IOException {
    String basic =
        Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    if (!("Basic " + basic).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
      return;
    }
    Map<String, String> body =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Grant grant =
        switch (body.getOrDefault("grant_type", "")) {
          case "authorization_code" -> codes.remove(body.get("code"));
          case "refresh_token" -> refreshedGrant(body.get("refresh_token"));
          default -> null;
        };
    if (grant == null) {
      json(exchange, 400, Map.of("error", "invalid_grant"));
      return;
    }
    Person person = grant.person();
    boolean byRefresh = "refresh_token".equals(body.get("grant_type"));
    long seconds = byRefresh ? REFRESHED_SECONDS : person.accessTokenSeconds();
    Tokens tokens =
        new Tokens(
            signed(person, CLIENT_ID, seconds, null),
            signed(person, CLIENT_ID, 300, grant.nonce()),
            UUID.randomUUID().toString());
    issued.computeIfAbsent(person.subject(), first -> new CopyOnWriteArrayList<>()).add(tokens);
    refreshTokens.put(tokens.refreshToken(), person);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", tokens.accessToken());
    answer.put("token_type", "Bearer");
    answer.put("expires_in", seconds);
    answer.put("refresh_token", tokens.refreshToken());
    answer.put("scope", "openid profile");
    if (!byRefresh) {
      answer.put("id_token", tokens.idToken());
    }
    json(exchange, 200, answer);
  }

  private Grant refreshedGrant(String refreshToken) {
    Person person = refreshTokens.remove(refreshToken);
    if (person == null) {
      return null;
    }
    refreshed.add(refreshToken);
    return new Grant(person, null);
  }

  private void endSession(HttpExchange exchange) throws IOException {
    signOuts.add(exchange.getRequestURI());
    String back = form(exchange.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
    redirect(exchange, back);
  }

  private String signed(Person person, String audience, long seconds, String nonce) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer())
            .subject(person.subject())
            .audience(audience)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(seconds)))
            .jwtID(UUID.randomUUID().toString())
            .claim("roles", person.roles());
    if (nonce != null) {
      claims.claim("nonce", nonce);
    }
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
              claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> form(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      values.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void json(HttpExchange exchange, Map<String, ?> body) throws IOException {
    json(exchange, 200, body);
  }

  private static void json(HttpExchange exchange, int status, Map<String, ?> body)
      throws IOException {
    byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
