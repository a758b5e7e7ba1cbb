package org.forumledger.web.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

  @GetMapping("/signin")
  String signIn() {
    return "signin";
  }
}
