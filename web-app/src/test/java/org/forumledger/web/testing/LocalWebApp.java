package org.forumledger.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.web.WebApplication;
import org.forumledger.web.signin.Browser;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web app as the local stack runs it (local users, no {@code prod} profile) on a free port, in
 * front of services at one address: the registrar's, auditor's and viewer's passwords are {@code
 * reg-pw}, {@code aud-pw} and {@code view-pw}.
 */
public final class LocalWebApp implements AutoCloseable {

  private final ConfigurableApplicationContext app;
  private final String url;

  private LocalWebApp(ConfigurableApplicationContext app) {
    this.app = app;
    this.url = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  /** Starts it with the services at {@code servicesUrl} and any further {@code --name=value}. */
  public static LocalWebApp start(String servicesUrl, String... arguments) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--ledger.security.registrar-password=reg-pw",
                "--ledger.security.auditor-password=aud-pw",
                "--ledger.security.viewer-password=view-pw",
                "--ledger.services.registry-url=" + servicesUrl,
                "--ledger.services.cost-url=" + servicesUrl,
                "--ledger.services.reporting-url=" + servicesUrl));
    all.addAll(List.of(arguments));
    return new LocalWebApp(
        new SpringApplicationBuilder(WebApplication.class)
            .properties(WebApplication.CONFIG_NAME)
            .run(all.toArray(String[]::new)));
  }

  public String url() {
    return url;
  }

  /** Posts the sign-in form for {@code name} with {@code browser}: the web app's answer. */
  public HttpResponse<String> signIn(Browser browser, String name, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> form = browser.get(url + "/signin");
    assertThat(form.body()).contains("name=\"password\"");
    return browser.post(
        url + "/signin",
        "_csrf="
            + Browser.csrfToken(form)
            + "&username="
            + name
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  /** A new browser signed in as {@code name}. */
  public Browser signedIn(String name, String password) throws IOException, InterruptedException {
    Browser browser = new Browser();
    assertThat(signIn(browser, name, password).statusCode()).as("signed in").isEqualTo(302);
    return browser;
  }

  @Override
  public void close() {
    app.close();
  }
}
