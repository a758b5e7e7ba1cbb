package org.forumledger.web.page;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Swedish unless the person chose English with {@code ?lang=en}; the choice is kept in a cookie, so
 * every page after it stays in that language until {@code ?lang=sv}.
 */
@Component("localeContextResolver")
class LanguageFromQuery implements LocaleContextResolver {

  static final String COOKIE = "ledger-lang";
  private static final Locale ENGLISH = Locale.ENGLISH;

  @Override
  public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
    String chosen = exchange.getRequest().getQueryParams().getFirst("lang");
    if (chosen != null && !chosen.isBlank()) {
      Locale locale = supported(chosen);
      exchange
          .getResponse()
          .addCookie(
              ResponseCookie.from(COOKIE, locale.getLanguage())
                  .path("/")
                  .maxAge(Duration.ofDays(365))
                  .sameSite("Lax")
                  .httpOnly(true)
                  .build());
      return new SimpleLocaleContext(locale);
    }
    HttpCookie kept = exchange.getRequest().getCookies().getFirst(COOKIE);
    return new SimpleLocaleContext(kept == null ? Amounts.SWEDISH : supported(kept.getValue()));
  }

  @Override
  public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
    throw new UnsupportedOperationException("The language is chosen with ?lang=");
  }

  private static Locale supported(String language) {
    return "en".equalsIgnoreCase(language.strip()) ? ENGLISH : Amounts.SWEDISH;
  }
}
