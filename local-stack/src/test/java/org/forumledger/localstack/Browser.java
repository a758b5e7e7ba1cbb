package org.forumledger.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named by path so Selenium
 * Manager never downloads anything; with an axe-core check and a screenshot of each page.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profile;
  private final String baseUrl;
  private int shots;

  Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    try {
      this.profile = Files.createTempDirectory("ledger-chromium-");
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1600",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(PATIENCE);
    driver.manage().timeouts().pageLoadTimeout(PATIENCE);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(baseUrl + path);
  }

  String url(String path) {
    return baseUrl + path;
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  String text(String css) {
    return normalized(find(css).getText());
  }

  <T> T await(Function<WebDriver, T> condition) {
    // a page that htmx redraws may replace an element between finding and reading it
    return new WebDriverWait(driver, PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  Object asyncScript(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  void signIn(String user, String password) {
    open("/signin");
    find("#username").sendKeys(user);
    find("#password").sendKeys(password);
    find("form.card button[type=submit]").click();
    await(d -> !d.getCurrentUrl().contains("/signin"));
  }

  void signOut() {
    if (!findAll("form.signout button").isEmpty()) {
      find("form.signout button").click();
      await(d -> d.getCurrentUrl().contains("/signin"));
    }
  }

  /** Saves a screenshot of the page as it is and asserts axe-core finds nothing serious. */
  void checkPage(String name) {
    screenshot(name);
    assertNoSeriousAccessibilityViolations(name);
  }

  void screenshot(String name) {
    try {
      Files.write(
          SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shots, name)),
          driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page at phone width, then back. */
  void screenshotAtPhoneWidth(String name) {
    Dimension wide = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(390, 1400));
    try {
      screenshot(name + "-phone");
      Object scrolls =
          script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
      assertThat(scrolls).as(name + " scrolls sideways at phone width").isEqualTo(false);
    } finally {
      driver.manage().window().setSize(wide);
    }
  }

  private void assertNoSeriousAccessibilityViolations(String page) {
    script(AXE_SOURCE);
    Object serious =
        asyncScript(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(results => done(JSON.stringify(
              results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.map(n => n.target.join(' '))})))));
            """);
    assertThat(serious).as("serious or critical axe-core violations on " + page).isEqualTo("[]");
  }

  /** Visible text with the non-breaking spaces of Swedish digit grouping made plain. */
  static String normalized(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ').strip();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }

  private static final String AXE_SOURCE = axeSource();

  private static String axeSource() {
    ClassLoader loader = Browser.class.getClassLoader();
    try (InputStream pom =
        loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
      Properties properties = new Properties();
      properties.load(pom);
      String path =
          "META-INF/resources/webjars/axe-core/"
              + properties.getProperty("version")
              + "/axe.min.js";
      try (InputStream axe = loader.getResourceAsStream(path)) {
        return new String(axe.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("axe-core is not on the test class path", e);
    }
  }
}
