package org.forumledger.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The passwords of the local users. A password set in the environment wins; otherwise one is
 * generated at first start and kept in {@code credentials.properties} under the data directory,
 * readable by its owner only.
 */
public record Credentials(String registrar, String auditor, String viewer, List<String> generated) {

  static final String FILE = "credentials.properties";

  public static Credentials resolve(Path dataDir, Map<String, String> env) {
    try {
      Files.createDirectories(dataDir);
      Path file = dataDir.resolve(FILE);
      Properties stored = new Properties();
      if (Files.exists(file)) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          stored.load(in);
        }
      }
      List<String> generated = new ArrayList<>();
      String registrar = pick("registrar", "LEDGER_REGISTRAR_PASSWORD", env, stored, generated);
      String auditor = pick("auditor", "LEDGER_AUDITOR_PASSWORD", env, stored, generated);
      String viewer = pick("viewer", "LEDGER_VIEWER_PASSWORD", env, stored, generated);
      if (!generated.isEmpty()) {
        if (!Files.exists(file)) {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          stored.store(
              out, "Forum Ledger local users; generated where no LEDGER_*_PASSWORD was set");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return new Credentials(registrar, auditor, viewer, List.copyOf(generated));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the local users' passwords under " + dataDir, e);
    }
  }

  public static Credentials fixed(String registrar, String auditor, String viewer) {
    return new Credentials(registrar, auditor, viewer, List.of());
  }

  private static String pick(
      String user,
      String variable,
      Map<String, String> env,
      Properties stored,
      List<String> generated) {
    String fromEnv = env.get(variable);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    String kept = stored.getProperty(user);
    if (kept != null && !kept.isBlank()) {
      return kept;
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    stored.setProperty(user, password);
    generated.add(user);
    return password;
  }

  public String passwordOf(String user) {
    return switch (user) {
      case "registrar" -> registrar;
      case "auditor" -> auditor;
      case "viewer" -> viewer;
      default -> throw new IllegalArgumentException("No such user: " + user);
    };
  }
}
