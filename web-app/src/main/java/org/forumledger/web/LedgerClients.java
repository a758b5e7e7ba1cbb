package org.forumledger.web;

import org.forumledger.web.signin.OpenReading;
import org.forumledger.web.signin.ServiceCredentials;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Clients of the three services that speak as the person signed in: each request carries that
 * person's own credentials (kept only in the server-side session), so the services enforce the
 * person's role and record the person as the actor of every event. How the credentials travel is
 * the sign-in's concern ({@link ServiceCredentials}); when the reading pages are open (see {@link
 * OpenReading}), a GET for someone not signed in is read as the local viewer.
 */
@Component
public class LedgerClients {

  private final WebClient registry;
  private final WebClient cost;
  private final WebClient reporting;

  public LedgerClients(
      WebClient.Builder builder,
      LedgerServices services,
      ServiceCredentials credentials,
      PageCorrelation correlation) {
    WebClient.Builder asPerson =
        builder.filter(correlation.forwarding()).filter(credentials.filter());
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
}
