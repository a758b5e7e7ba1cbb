package org.forumledger.web.signin;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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

  @GetMapping("/signin")
  String signIn(Model model) {
    model.addAttribute("atProvider", atProvider);
    model.addAttribute("providerSignIn", "/oauth2/authorization/" + DiscoveredRegistration.ID);
    return "signin";
  }
}
