package org.forumledger.kit.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * A service's table of routes and the roles that may use them, read top to bottom; the first
 * matching route decides. The kit puts its own routes (health, API documentation, metrics) before
 * the table and refuses whatever no route names.
 */
public final class AccessTable {

  /** One row: a method (or any, when null), an Ant-style path pattern and the roles allowed. */
  public record Route(HttpMethod method, String pattern, Set<String> roles) {
    public Route {
      roles = Set.copyOf(roles);
    }
  }

  private final List<Route> routes;

  private AccessTable(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Route> routes() {
    return routes;
  }

  public static final class Builder {
    private final List<Route> routes = new ArrayList<>();

    public Builder read(String pattern, Set<String> roles) {
      return route(HttpMethod.GET, pattern, roles);
    }

    public Builder route(HttpMethod method, String pattern, Set<String> roles) {
      routes.add(new Route(method, pattern, roles));
      return this;
    }

    /** Every method on the pattern. */
    public Builder any(String pattern, Set<String> roles) {
      return route(null, pattern, roles);
    }

    public AccessTable build() {
      return new AccessTable(routes);
    }
  }
}
