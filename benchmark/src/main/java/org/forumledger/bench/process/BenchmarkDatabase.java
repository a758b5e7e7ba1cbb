package org.forumledger.bench.process;

/**
 * The database of the stack's PostgreSQL that only the benchmark uses: the raw JDBC baseline writes
 * there, so its backends are told apart from the stack's by the database name PostgreSQL puts in
 * each backend's process title ({@code postgres: user database host(port) state}) and their memory
 * is not counted as the stack's.
 */
public final class BenchmarkDatabase {

  public static final String NAME = "bench_baseline";

  private BenchmarkDatabase() {}

  /** The same server and options as {@code jdbcUrl}, on the benchmark's database. */
  public static String urlNextTo(String jdbcUrl) {
    int host = jdbcUrl.indexOf("://");
    int slash = jdbcUrl.indexOf('/', host + 3);
    if (host < 0 || slash < 0) {
      throw new IllegalArgumentException("Not a JDBC URL with a database: " + jdbcUrl);
    }
    int query = jdbcUrl.indexOf('?', slash);
    return jdbcUrl.substring(0, slash + 1) + NAME + (query < 0 ? "" : jdbcUrl.substring(query));
  }

  /** Whether the process is a PostgreSQL backend serving the benchmark's database. */
  public static boolean serves(ProcStatus process) {
    String title = process.commandLine();
    return title != null && title.startsWith("postgres: ") && title.contains(" " + NAME + " ");
  }
}
