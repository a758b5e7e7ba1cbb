package org.forumledger.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Clients of the three services that speak as the person signed in: each request carries that
 * person's own credentials (kept only in the server-side session), so the services enforce the
 * person's role and record the person as the actor of every event.
 */
@Component
public class LedgerClients {

  private final WebClient registry;
  private final WebClient cost;
  private final WebClient reporting;

  public LedgerClients(WebClient.Builder builder, LedgerServices services) {
    WebClient.Builder asPerson = builder.filter(asSignedInPerson());
    this.registry = asPerson.clone().baseUrl(services.registryUrl()).build();
    this.cost = asPerson.clone().baseUrl(services.costUrl()).build();
    this.reporting = asPerson.clone().baseUrl(services.reportingUrl()).build();
  }

  public WebClient registry() {
    return registry;
  }

  public WebClient cost() {
    return cost;
  }

  public WebClient reporting() {
    return reporting;
  }

  private static ExchangeFilterFunction asSignedInPerson() {
    return (request, next) ->
        ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .filter(authentication -> authentication.getCredentials() instanceof String)
            .map(authentication -> withBasic(request, authentication))
            .defaultIfEmpty(request)
            .flatMap(next::exchange);
  }

  private static ClientRequest withBasic(ClientRequest request, Authentication person) {
    return ClientRequest.from(request)
        .headers(
            headers -> headers.setBasicAuth(person.getName(), (String) person.getCredentials()))
        .build();
  }
}
