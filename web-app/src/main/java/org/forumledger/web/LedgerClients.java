package org.forumledger.web;

import org.forumledger.web.signin.LocalUsers;
import org.forumledger.web.signin.OpenReading;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Clients of the three services that speak as the person signed in: each request carries that
 * person's own credentials (kept only in the server-side session), so the services enforce the
 * person's role and record the person as the actor of every event. When the reading pages are open
 * (see {@link OpenReading}), a GET for someone not signed in is read as the local viewer.
 */
@Component
public class LedgerClients {

  private final WebClient registry;
  private final WebClient cost;
  private final WebClient reporting;

  public LedgerClients(
      WebClient.Builder builder,
      LedgerServices services,
      OpenReading openReading,
      LocalUsers users) {
    WebClient.Builder asPerson =
        builder.filter(asSignedInPerson(openReading.enabled() ? users.viewerPassword() : null));
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

  /**
   * @param readerPassword the local viewer's password, with which a reading page is read for
   *     someone not signed in when the reading pages are open; null when they are not
   */
  private static ExchangeFilterFunction asSignedInPerson(String readerPassword) {
    return (request, next) ->
        ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .filter(authentication -> authentication.getCredentials() instanceof String)
            .map(p -> withBasic(request, p.getName(), (String) p.getCredentials()))
            .switchIfEmpty(
                Mono.fromSupplier(
                    () ->
                        readerPassword != null
                                && !readerPassword.isBlank()
                                && request.method() == HttpMethod.GET
                            ? withBasic(request, "viewer", readerPassword)
                            : request))
            .flatMap(next::exchange);
  }

  private static ClientRequest withBasic(ClientRequest request, String name, String password) {
    return ClientRequest.from(request)
        .headers(headers -> headers.setBasicAuth(name, password))
        .build();
  }
}
