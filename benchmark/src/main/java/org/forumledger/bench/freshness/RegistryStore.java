package org.forumledger.bench.freshness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.forumledger.bench.process.StackEndpoints;

/**
 * The highest global position the registry has stored (Axon's global index, which the registry
 * publishes as {@code globalPosition}): the read side has drained when both consumers reach it.
 */
public final class RegistryStore {

  private final StackEndpoints stack;

  public RegistryStore(StackEndpoints stack) {
    this.stack = stack;
  }

  public long highestPosition() {
    return query("select coalesce(max(global_index), 0) from registry.domain_event_entry");
  }

  /** Forums the registry holds: streams with a first event. */
  public long forumCount() {
    return query("select count(*) from registry.domain_event_entry where sequence_number = 0");
  }

  private long query(String sql) {
    try (Connection c =
            DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the registry's event store", e);
    }
  }
}
