package org.forumledger.bench.commands;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.forumledger.bench.process.BenchmarkDatabase;
import org.forumledger.bench.process.StackEndpoints;
import org.forumledger.bench.stats.ClosedLoop;
import org.forumledger.bench.stats.Outcome;

/**
 * The floor under any command: one row the size of an event inserted and committed, per operation,
 * in a scratch table on the stack's PostgreSQL (the same server, WAL and disk). The table lives in
 * a database of its own, so the services' data is neither read nor written and the backends of its
 * connections are known as the benchmark's when the stack's memory is summed.
 */
public final class JdbcInsertBaseline implements AutoCloseable {

  static final String PAYLOAD =
      "{\"forumId\":\"00000000-0000-0000-0000-000000000000\",\"fromYear\":2024,\"toYear\":null,"
          + "\"status\":\"AMOUNT\",\"amountSek\":10042,\"currency\":\"SEK\",\"basis\":\"FIXED\","
          + "\"correction\":false,\"metadata\":{\"actor\":\"registrar\",\"reason\":\"Benchmark"
          + " load\",\"decisionReference\":\"KS 2024-01-17 § 42\",\"effectiveDate\":\"2024-01-01\"}}";

  private final StackEndpoints stack;
  private final boolean ownDatabase;

  /**
   * Where the user may not create databases (a production-like deployment), the table goes in a
   * schema of the stack's database instead; its backends are then counted with the stack's.
   */
  public JdbcInsertBaseline(StackEndpoints stack) throws SQLException {
    this.stack = stack;
    this.ownDatabase = createOwnDatabase();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("create schema if not exists bench");
      s.execute(
          "create table if not exists bench.command_baseline (id bigserial primary key,"
              + " forum_id text not null, payload text not null,"
              + " recorded_at timestamptz not null default now())");
    }
  }

  /** Whether the baseline runs in a database of its own from now on. */
  public boolean inOwnDatabase() {
    return ownDatabase;
  }

  private boolean createOwnDatabase() {
    try (Connection c = connectToStackDatabase();
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + BenchmarkDatabase.NAME + " with (force)");
      s.execute("create database " + BenchmarkDatabase.NAME);
      return true;
    } catch (SQLException notAllowed) {
      return false;
    }
  }

  private Connection connectToStackDatabase() throws SQLException {
    return DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
  }

  private Connection connect() throws SQLException {
    if (!ownDatabase) {
      return connectToStackDatabase();
    }
    return DriverManager.getConnection(
        BenchmarkDatabase.urlNextTo(stack.jdbcUrl()), stack.dbUser(), stack.dbPassword());
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

  /** Drops the scratch database or schema, so the stack's server keeps nothing of the baseline. */
  @Override
  public void close() throws SQLException {
    try (Connection c = connectToStackDatabase();
        Statement s = c.createStatement()) {
      s.execute(
          ownDatabase
              ? "drop database if exists " + BenchmarkDatabase.NAME + " with (force)"
              : "drop schema if exists bench cascade");
    }
  }
}
