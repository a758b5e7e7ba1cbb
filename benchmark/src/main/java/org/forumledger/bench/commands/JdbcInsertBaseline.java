package org.forumledger.bench.commands;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.forumledger.bench.process.StackEndpoints;
import org.forumledger.bench.stats.ClosedLoop;
import org.forumledger.bench.stats.Outcome;

/**
 * The floor under any command: one row the size of an event inserted and committed, per operation,
 * in a scratch table of its own schema on the stack's PostgreSQL. Nothing of the services is read
 * or written.
 */
public final class JdbcInsertBaseline implements AutoCloseable {

  static final String PAYLOAD =
      "{\"forumId\":\"00000000-0000-0000-0000-000000000000\",\"fromYear\":2024,\"toYear\":null,"
          + "\"status\":\"AMOUNT\",\"amountSek\":10042,\"currency\":\"SEK\",\"basis\":\"FIXED\","
          + "\"correction\":false,\"metadata\":{\"actor\":\"registrar\",\"reason\":\"Benchmark"
          + " load\",\"decisionReference\":\"KS 2024-01-17 § 42\",\"effectiveDate\":\"2024-01-01\"}}";

  private final StackEndpoints stack;

  public JdbcInsertBaseline(StackEndpoints stack) throws SQLException {
    this.stack = stack;
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("create schema if not exists bench");
      s.execute(
          "create table if not exists bench.command_baseline (id bigserial primary key,"
              + " forum_id text not null, payload text not null,"
              + " recorded_at timestamptz not null default now())");
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
  }

  /** A client with its own connection, inserting and committing one row per call. */
  public ClosedLoop.Client client() {
    try {
      Connection connection = connect();
      connection.setAutoCommit(false);
      PreparedStatement insert =
          connection.prepareStatement(
              "insert into bench.command_baseline (forum_id, payload) values (?, ?)");
      return new ClosedLoop.Client() {
        @Override
        public Outcome call() throws SQLException {
          insert.setString(1, UUID.randomUUID().toString());
          insert.setString(2, PAYLOAD);
          insert.executeUpdate();
          connection.commit();
          return Outcome.success();
        }

        @Override
        public void close() throws SQLException {
          connection.close();
        }
      };
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect to " + stack.jdbcUrl(), e);
    }
  }

  /** Drops the scratch table, so the stack's database keeps nothing of the baseline. */
  @Override
  public void close() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists bench cascade");
    }
  }
}
