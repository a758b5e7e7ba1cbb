package org.forumledger.bench.http;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/** The local users' passwords and their Basic authorization headers. */
public record Users(String registrar, String auditor, String viewer) {

  /** The stack's {@code credentials.properties}, with any LEDGER_*_PASSWORD in env winning. */
  public static Users from(Path credentialsFile, Map<String, String> env) {
    Properties stored = new Properties();
    if (credentialsFile != null && Files.exists(credentialsFile)) {
      try (Reader in = Files.newBufferedReader(credentialsFile, StandardCharsets.UTF_8)) {
        stored.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + credentialsFile, e);
      }
    }
    return new Users(
        pick("registrar", "LEDGER_REGISTRAR_PASSWORD", env, stored),
        pick("auditor", "LEDGER_AUDITOR_PASSWORD", env, stored),
        pick("viewer", "LEDGER_VIEWER_PASSWORD", env, stored));
  }

  private static String pick(String user, String variable, Map<String, String> env, Properties p) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      value = p.getProperty(user);
    }
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "No password for " + user + ": set " + variable + " or point --credentials at a file");
    }
    return value;
  }

  public String registrarAuth() {
    return basic("registrar", registrar);
  }

  public String auditorAuth() {
    return basic("auditor", auditor);
  }

  public String viewerAuth() {
    return basic("viewer", viewer);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Users[registrar, auditor, viewer]";
  }
}
