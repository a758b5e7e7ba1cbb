package org.forumledger.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.forumledger.web.WebApplication;
import org.forumledger.web.signin.FakeOidcProvider.Person;
import org.forumledger.web.signin.FakeOidcProvider.Tokens;
import org.forumledger.web.signin.FakeServices.Call;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web app under the {@code prod} profile against a fake OpenID Connect provider and fake
 * services, driven over HTTP as a browser would be: every redirect is followed by hand, with the
 * cookies the web app sets.
 */
class OidcSignInTest {

  private static FakeOidcProvider provider;
  private static FakeServices services;
  private static ConfigurableApplicationContext app;
  private static String web;
  private static int discoveriesAtStart;

  @BeforeAll
  static void start() throws Exception {
    provider = FakeOidcProvider.start();
    services = FakeServices.start();
    app = webApp(false);
    web = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    discoveriesAtStart = provider.discoveries();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    services.close();
    provider.close();
  }

  private static ConfigurableApplicationContext webApp(boolean openReading) {
    return new SpringApplicationBuilder(WebApplication.class)
        .profiles("prod")
        .properties(WebApplication.CONFIG_NAME)
        .run(
            "--server.port=0",
            "--ledger.oidc.issuer-uri=" + provider.issuer(),
            "--ledger.oidc.client-id=" + FakeOidcProvider.CLIENT_ID,
            "--ledger.oidc.client-secret=" + FakeOidcProvider.CLIENT_SECRET,
            "--ledger.services.registry-url=" + services.url(),
            "--ledger.services.cost-url=" + services.url(),
            "--ledger.services.reporting-url=" + services.url(),
            "--ledger.web.open-reading.enabled=" + openReading);
  }

  @Test
  void aPageSendsSomeoneNotSignedInToTheProvider() throws Exception {
    Browser browser = new Browser();

    HttpResponse<String> page = browser.get(web + "/forums");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(Browser.location(page)).hasPath("/oauth2/authorization/ledger");

    HttpResponse<String> toProvider = browser.follow(page);
    assertThat(toProvider.statusCode()).isEqualTo(302);
    URI authorize = Browser.location(toProvider);
    assertThat(authorize.toString()).startsWith(provider.issuer() + "/authorize?");
    Map<String, String> query = FakeOidcProvider.form(authorize.getRawQuery());
    assertThat(query)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", FakeOidcProvider.CLIENT_ID)
        .containsEntry("redirect_uri", web + "/login/oauth2/code/ledger")
        .containsKeys("state", "nonce");
    assertThat(query.get("scope").split(" ")).contains("openid");
    assertThat(discoveriesAtStart)
        .as("the provider is first asked at the first sign-in, not at start")
        .isZero();
  }

  @Test
  void aRegistrarSeesThePagesAndTheServicesReceiveTheirAccessToken() throws Exception {
    Browser browser = new Browser();

    HttpResponse<String> forums = signIn(browser, new Person("reg-1", List.of("REGISTRAR"), 300));

    assertThat(forums.statusCode()).isEqualTo(200);
    assertThat(forums.uri()).hasPath("/forums");
    assertThat(forums.body()).contains("reg-1").contains("href=\"/forums/new\"");
    String accessToken = provider.tokensOf("reg-1").get(0).accessToken();
    assertThat(services.calls()).contains(new Call("/forums", "Bearer " + accessToken));
    assertThat(browser.get(web + "/forums/new").statusCode())
        .as("a registrar's form")
        .isEqualTo(200);
    assertThat(browser.get(web + "/audit").statusCode()).isEqualTo(403);
  }

  @Test
  void aViewerIsRefusedTheAuditPagesAndTheRegistrarsForms() throws Exception {
    Browser browser = new Browser();

    HttpResponse<String> forums = signIn(browser, new Person("view-1", List.of("VIEWER"), 300));

    assertThat(forums.statusCode()).isEqualTo(200);
    assertThat(forums.body()).contains("view-1").doesNotContain("href=\"/forums/new\"");
    assertThat(browser.get(web + "/audit").statusCode()).isEqualTo(403);
    assertThat(browser.get(web + "/forums/new").statusCode()).isEqualTo(403);
    assertThat(browser.post(web + "/forums", "_csrf=" + Browser.csrfToken(forums)).statusCode())
        .isEqualTo(403);
  }

  @Test
  void anAuditorHasTheAuditorsRoleFromAStringClaim() throws Exception {
    Browser browser = new Browser();

    HttpResponse<String> forums = signIn(browser, new Person("aud-1", "AUDITOR, VIEWER", 300));

    assertThat(forums.body()).contains("href=\"/audit\"");
    browser.get(web + "/audit");
    String accessToken = provider.tokensOf("aud-1").get(0).accessToken();
    assertThat(services.calls())
        .as("the audit page is read from the services as the auditor")
        .anySatisfy(
            call -> {
              assertThat(call.path()).startsWith("/audit");
              assertThat(call.authorization()).isEqualTo("Bearer " + accessToken);
            });
  }

  @Test
  void anAccessTokenAboutToRunOutIsRefreshedBeforeTheServiceIsCalled() throws Exception {
    Browser browser = new Browser();

    // 30 seconds is within the minute of leeway the web app keeps, so the token counts as run out
    HttpResponse<String> forums = signIn(browser, new Person("reg-2", List.of("REGISTRAR"), 30));

    assertThat(forums.statusCode()).isEqualTo(200);
    List<Tokens> issued = provider.tokensOf("reg-2");
    assertThat(issued).hasSize(2);
    assertThat(provider.refreshed()).containsExactly(issued.get(0).refreshToken());
    assertThat(services.calls())
        .extracting(Call::authorization)
        .contains("Bearer " + issued.get(1).accessToken())
        .doesNotContain("Bearer " + issued.get(0).accessToken());
  }

  @Test
  void signingOutEndsTheSessionHereAndAtTheProvider() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> forums = signIn(browser, new Person("reg-3", List.of("REGISTRAR"), 300));
    String session = browser.cookie("SESSION");

    HttpResponse<String> signedOut =
        browser.post(web + "/signout", "_csrf=" + Browser.csrfToken(forums));

    assertThat(signedOut.statusCode()).isEqualTo(302);
    URI endSession = Browser.location(signedOut);
    assertThat(endSession.toString()).startsWith(provider.issuer() + "/logout?");
    assertThat(FakeOidcProvider.form(endSession.getRawQuery()))
        .containsEntry("id_token_hint", provider.tokensOf("reg-3").get(0).idToken())
        .containsEntry("post_logout_redirect_uri", web + "/signin?signedOut");
    HttpResponse<String> back = browser.follow(browser.follow(signedOut));
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).contains("id=\"provider-signin\"").doesNotContain("name=\"password\"");
    HttpResponse<String> withOldSession =
        new Browser().get(web + "/forums", "Cookie", "SESSION=" + session);
    assertThat(withOldSession.statusCode()).isEqualTo(302);
    assertThat(Browser.location(withOldSession)).hasPath("/oauth2/authorization/ledger");
  }

  @Test
  void openReadingIsRefusedInProduction() {
    assertThatThrownBy(() -> webApp(true).close())
        .rootCause()
        .hasMessageContaining("LEDGER_WEB_OPEN_READING");
  }

  /**
   * Asks for the forum list and follows the redirects through the provider, which signs in {@code
   * person}, and back; answers the forum list.
   */
  private static HttpResponse<String> signIn(Browser browser, Person person)
      throws IOException, InterruptedException {
    provider.signsInNext(person);
    HttpResponse<String> response = browser.get(web + "/forums");
    for (int hop = 0; hop < 5 && response.statusCode() == 302; hop++) {
      response = browser.follow(response);
    }
    return response;
  }
}
