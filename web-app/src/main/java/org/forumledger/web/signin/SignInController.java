package org.forumledger.web.signin;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * The sign-in page: the form for the local users, or under the {@code prod} profile a link to the
 * organisation's provider (where a person lands after signing out or a failed sign-in).
 */
@Controller
class SignInController {

  private final boolean atProvider;

  SignInController(Environment environment) {
    this.atProvider = environment.matchesProfiles(OidcSignInConfiguration.PROFILE);
  }

  /** {@code ?error} after a refused sign-in, {@code ?signedOut} after signing out. */
  @GetMapping("/signin")
  String signIn(ServerWebExchange exchange, Model model) {
    MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
    model.addAttribute("atProvider", atProvider);
    model.addAttribute("refused", query.containsKey("error"));
    model.addAttribute("signedOut", query.containsKey("signedOut"));
    model.addAttribute("providerSignIn", "/oauth2/authorization/" + DiscoveredRegistration.ID);
    return "signin";
  }
}
