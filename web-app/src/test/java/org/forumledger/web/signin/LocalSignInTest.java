package org.forumledger.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.forumledger.web.signin.FakeServices.Call;
import org.forumledger.web.testing.LocalWebApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app without the {@code prod} profile, as the local stack runs it: the form signs the
 * local users in, the services are called with the person's name and password, and with the reading
 * pages open someone not signed in reads as the local viewer.
 */
class LocalSignInTest {

  private static FakeServices services;
  private static LocalWebApp app;
  private static String web;

  @BeforeAll
  static void start() throws IOException {
    services = FakeServices.start();
    app = LocalWebApp.start(services.url(), "--ledger.web.open-reading.enabled=true");
    web = app.url();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    services.close();
  }

  @Test
  void theRegistrarSignsInWithTheFormAndTheServicesReceiveTheirPassword() throws Exception {
    Browser browser = new Browser();

    HttpResponse<String> signedIn = app.signIn(browser, "registrar", "reg-pw");
    assertThat(signedIn.statusCode()).isEqualTo(302);
    HttpResponse<String> forums = browser.get(web + "/forums");

    assertThat(forums.statusCode()).isEqualTo(200);
    assertThat(forums.body()).contains("href=\"/forums/new\"");
    assertThat(services.calls()).contains(new Call("/forums", basic("registrar", "reg-pw")));
  }

  @Test
  void aWrongPasswordReturnsToTheForm() throws Exception {
    HttpResponse<String> refused = app.signIn(new Browser(), "registrar", "not-the-password");

    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location")).hasValue("/signin?error");
    assertThat(new Browser().get(web + "/signin?error").body())
        .contains("Fel användarnamn eller lösenord.")
        .doesNotContain("Du är utloggad.");
  }

  @Test
  void theFormAloneSaysNothingWentWrong() throws Exception {
    String form = new Browser().get(web + "/signin").body();

    assertThat(form)
        .contains("name=\"password\"")
        .doesNotContain("Fel användarnamn eller lösenord.")
        .doesNotContain("Du är utloggad.");
    assertThat(new Browser().get(web + "/signin?signedOut").body()).contains("Du är utloggad.");
  }

  @Test
  void theViewerIsRefusedTheAuditPages() throws Exception {
    Browser browser = new Browser();
    app.signIn(browser, "viewer", "view-pw");

    assertThat(browser.get(web + "/audit").statusCode()).isEqualTo(403);
    assertThat(browser.get(web + "/forums/new").statusCode()).isEqualTo(403);
  }

  @Test
  void withTheReadingPagesOpenSomeoneNotSignedInReadsAsTheViewer() throws Exception {
    HttpResponse<String> forums = new Browser().get(web + "/forums?q=open");

    assertThat(forums.statusCode()).isEqualTo(200);
    assertThat(services.calls()).contains(new Call("/forums", basic("viewer", "view-pw")));
    HttpResponse<String> audit = new Browser().get(web + "/audit");
    assertThat(audit.statusCode()).isEqualTo(302);
    assertThat(Browser.location(audit)).hasPath("/signin");
  }

  @Test
  void everyCallAPageMakesCarriesThatPagesCorrelationId() throws Exception {
    int before = services.correlated().size();
    HttpResponse<String> page = new Browser().get(web + "/forums?q=followed");
    int after = services.correlated().size();
    HttpResponse<String> next = new Browser().get(web + "/forums?q=followed");

    String id = page.headers().firstValue("X-Correlation-Id").orElseThrow();
    assertThat(services.correlated().subList(before, after))
        .isNotEmpty()
        .allSatisfy(call -> assertThat(call.correlationId()).isEqualTo(id));
    assertThat(next.headers().firstValue("X-Correlation-Id").orElseThrow()).isNotEqualTo(id);
  }

  private static String basic(String name, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
