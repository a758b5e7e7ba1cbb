package org.forumledger.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for the sign-in and page tests: keeps the cookies the web app sets, asks for HTML and
 * follows no redirect by itself, so a test sees every step.
 */
public final class Browser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public HttpResponse<String> get(String uri, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
    request.header("Accept", "text/html");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form, its fields already encoded. */
  public HttpResponse<String> post(String uri, String form)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(uri))
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> follow(HttpResponse<String> redirect)
      throws IOException, InterruptedException {
    assertThat(redirect.statusCode()).as("a redirect from %s", redirect.uri()).isEqualTo(302);
    return get(location(redirect).toString());
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(name))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  public static URI location(HttpResponse<String> response) {
    return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
  }

  /** The page's CSRF token, encoded for a form. */
  public static String csrfToken(HttpResponse<String> page) {
    Matcher token = CSRF.matcher(page.body());
    assertThat(token.find()).as("a CSRF token on the page").isTrue();
    return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
  }
}
