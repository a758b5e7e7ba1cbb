package org.forumledger.bench.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of one stack: its JVM and the JVM's descendants, and the embedded PostgreSQL, which
 * pg_ctl starts detached (its parent is init, not the JVM), found by a text only its command line
 * holds (its data directory, or its port) and counted with its own child processes.
 */
public record ProcessFamily(ProcessHandle root, String databaseMarker) {

  public List<ProcessHandle> members() {
    Map<Long, ProcessHandle> members = new LinkedHashMap<>();
    if (root.isAlive()) {
      members.put(root.pid(), root);
    }
    root.descendants().forEach(p -> members.put(p.pid(), p));
    for (ProcessHandle database : databases()) {
      members.put(database.pid(), database);
      database.descendants().forEach(p -> members.put(p.pid(), p));
    }
    return new ArrayList<>(members.values());
  }

  /** The database's main processes, still alive or not yet. */
  public List<ProcessHandle> databases() {
    if (databaseMarker == null) {
      return List.of();
    }
    return ProcessHandle.allProcesses()
        .filter(
            p -> p.info().commandLine().map(line -> line.contains(databaseMarker)).orElse(false))
        .toList();
  }

  /** The marker of an embedded PostgreSQL listening on the port of a JDBC URL, or null. */
  public static String postgresOnPortOf(String jdbcUrl) {
    int host = jdbcUrl.indexOf("://");
    int colon = jdbcUrl.indexOf(':', host + 3);
    int slash = jdbcUrl.indexOf('/', host + 3);
    if (host < 0 || colon < 0 || slash < colon) {
      return null;
    }
    return " -p " + jdbcUrl.substring(colon + 1, slash) + " ";
  }
}
