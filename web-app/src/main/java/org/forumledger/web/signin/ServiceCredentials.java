package org.forumledger.web.signin;

import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * How a request to a service carries the identity of the person signed in: the local user's name
 * and password (HTTP Basic) locally, the person's access token (Bearer) in production.
 */
public record ServiceCredentials(ExchangeFilterFunction filter) {}
