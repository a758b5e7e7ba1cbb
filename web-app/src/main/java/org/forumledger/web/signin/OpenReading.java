package org.forumledger.web.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether the reading pages (overview, costs over the years, forums, a forum's page, the appendix
 * downloads, the units, goals, reviews, overlaps and goal coverage) are open to everyone without
 * signing in. The register is a public record, so a deployment may open them; the audit pages and
 * every write still need a role. Pages read for someone not signed in are read from the services as
 * the local viewer, and only with GET.
 */
@ConfigurationProperties("ledger.web.open-reading")
public record OpenReading(boolean enabled) {

  /** The reading pages, as path patterns; {@code /forums/new} is matched before them. */
  public static final String[] PAGES = {
    "/",
    "/overview/**",
    "/costs",
    "/costs/**",
    "/forums",
    "/forums/*",
    "/downloads/**",
    "/attendance",
    "/units",
    "/units/*/costs",
    "/goals",
    "/reviews",
    "/reviews/**",
    "/overlaps",
    "/goal-coverage"
  };
}
