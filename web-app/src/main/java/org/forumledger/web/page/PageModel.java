package org.forumledger.web.page;

import org.forumledger.web.signin.Person;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** What every page's frame needs: who is signed in, the CSRF token, the times and the formats. */
@ControllerAdvice
class PageModel {

  private static final Amounts AMOUNTS = new Amounts();

  @ModelAttribute("person")
  Mono<Person> person() {
    return Person.current();
  }

  @ModelAttribute("_csrf")
  Mono<CsrfToken> csrf(ServerWebExchange exchange) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    return token == null ? Mono.empty() : token;
  }

  @ModelAttribute("slice")
  TimeSlice slice(ServerWebExchange exchange) {
    return TimeSlice.from(exchange.getRequest().getQueryParams());
  }

  @ModelAttribute("currentPath")
  String currentPath(ServerWebExchange exchange) {
    return exchange.getRequest().getPath().value();
  }

  @ModelAttribute("amounts")
  Amounts amounts() {
    return AMOUNTS;
  }

  /** This page in the other language: the same address with {@code lang} replaced. */
  @ModelAttribute("otherLanguage")
  LanguageLink otherLanguage(ServerWebExchange exchange) {
    return languageLink(exchange);
  }

  /**
   * The frame's attributes for a page drawn outside a controller method (an error page), where the
   * advice's model attributes are not applied.
   */
  static Mono<java.util.Map<String, Object>> frame(ServerWebExchange exchange) {
    PageModel model = new PageModel();
    return Mono.zip(
            Person.current(),
            model
                .csrf(exchange)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.<CsrfToken>empty()))
        .map(
            found -> {
              java.util.Map<String, Object> frame = new java.util.HashMap<>();
              frame.put("person", found.getT1());
              found.getT2().ifPresent(token -> frame.put("_csrf", token));
              frame.put("slice", model.slice(exchange));
              frame.put("amounts", AMOUNTS);
              frame.put("currentPath", model.currentPath(exchange));
              frame.put("otherLanguage", languageLink(exchange));
              return frame;
            });
  }

  private static LanguageLink languageLink(ServerWebExchange exchange) {
    String current = exchange.getLocaleContext().getLocale().getLanguage();
    String other = "en".equals(current) ? "sv" : "en";
    java.net.URI page = exchange.getRequest().getURI();
    String href =
        UriComponentsBuilder.fromPath(page.getRawPath())
            .query(page.getRawQuery())
            .replaceQueryParam("lang", other)
            .build()
            .toUriString();
    return new LanguageLink(other, href, current);
  }

  /** A link to the page in {@code language}; {@code current} is the page's own language. */
  record LanguageLink(String language, String href, String current) {}
}
