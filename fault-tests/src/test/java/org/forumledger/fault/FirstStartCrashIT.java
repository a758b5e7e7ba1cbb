package org.forumledger.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.forumledger.fault.Services.USERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.forumledger.bench.process.ProcessFamily;
import org.forumledger.infra.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 13, kill -9 during the first-start import: the local stack (broker, database and services
 * in one JVM, from its jar) is killed with SIGKILL while it imports the 2023 inventory, and started
 * again on the same data directory. The database the killed JVM left running is stopped by the new
 * start, the import runs again without doubling anything, the stack ends with exactly the data
 * file's totals, and no service's health answers UP before that.
 */
class FirstStartCrashIT {

  private static final Logger log = LoggerFactory.getLogger(FirstStartCrashIT.class);
  private static final int INVENTORY_FORUMS = 108;

  private ChildJvm stack;
  private Path dataDir;

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
    if (dataDir != null) {
      // whatever database is still running on the data directory was started by this test
      new ProcessFamily(ProcessHandle.current(), dataDir.resolve("postgres").toString())
          .databases()
          .forEach(ProcessHandle::destroy);
    }
  }

  @Test
  void stackKilledDuringTheImportEndsWithTheInventorysTotalsAndIsReadyOnlyThen() {
    dataDir = Services.tempDir("ledger-firststart-");
    int registryPort = FreePorts.next();
    int costPort = FreePorts.next();
    int reportingPort = FreePorts.next();
    int postgresPort = FreePorts.next();
    Map<String, String> env = new HashMap<>();
    env.put("LEDGER_DATA_DIR", dataDir.toString());
    env.put("REGISTRY_PORT", String.valueOf(registryPort));
    env.put("COST_PORT", String.valueOf(costPort));
    env.put("REPORTING_PORT", String.valueOf(reportingPort));
    env.put("WEB_PORT", String.valueOf(FreePorts.next()));
    env.put("LEDGER_KAFKA_PORT", String.valueOf(FreePorts.next()));
    env.put("LEDGER_KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
    env.put("LEDGER_POSTGRES_PORT", String.valueOf(postgresPort));
    env.put("LEDGER_COST_URL", Services.url(costPort));
    env.put("LEDGER_REGISTRAR_PASSWORD", USERS.registrar());
    env.put("LEDGER_AUDITOR_PASSWORD", USERS.auditor());
    env.put("LEDGER_VIEWER_PASSWORD", USERS.viewer());
    String jdbcUrl = "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    List<String> services =
        List.of(Services.url(registryPort), Services.url(costPort), Services.url(reportingPort));

    stack = new ChildJvm("local-stack", ChildJvm.execJar("local-stack"), env).start();
    AtomicInteger forumsAtKill = new AtomicInteger();
    AtomicInteger healthAtKill = new AtomicInteger();
    await("the first-start import under way")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (!stack.isAlive()) {
                throw new IllegalStateException(stack.describe() + " exited");
              }
              long forums = registeredForums(jdbcUrl);
              if (forums >= INVENTORY_FORUMS) {
                throw new IllegalStateException("The import finished before the kill");
              }
              if (forums >= 20) {
                healthAtKill.set(Services.healthStatus(services.get(0)));
                stack.kill();
                forumsAtKill.set((int) forums);
                return true;
              }
              return false;
            });
    assertThat(Files.exists(dataDir.resolve("inventory-2023.loaded"))).isFalse();
    assertThat(healthAtKill.get()).as("registry health while importing").isEqualTo(503);
    boolean databaseOutlivedTheJvm =
        !new ProcessFamily(ProcessHandle.current(), dataDir.resolve("postgres").toString())
            .databases()
            .isEmpty();
    log.info(
        "Killed the stack with SIGKILL at {} of {} forums; its database outlived it: {}",
        forumsAtKill.get(),
        INVENTORY_FORUMS,
        databaseOutlivedTheJvm);

    long restarted = System.nanoTime();
    stack.start();
    AtomicInteger unavailable = new AtomicInteger();
    JsonNode[] totals = new JsonNode[2];
    Services.explainingTimeout(
        stack,
        () ->
            await("every service UP after the restart")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(100))
                .until(
                    () -> {
                      if (!stack.isAlive()) {
                        throw new IllegalStateException(
                            stack.describe() + " exited after the restart");
                      }
                      for (String url : services) {
                        int status = Services.healthStatus(url);
                        if (status == 503) {
                          unavailable.incrementAndGet();
                        }
                        if (status != 200) {
                          return false;
                        }
                      }
                      // read at once: had health been UP before the import was applied, these would
                      // fall
                      // short
                      totals[0] =
                          Services.getJson(
                              services.get(2) + "/reports/totals?year=2023", USERS.viewerAuth());
                      totals[1] =
                          Services.getJson(
                              services.get(1) + "/costs/years/2023", USERS.viewerAuth());
                      return true;
                    }));
    double ready = (System.nanoTime() - restarted) / 1e9;
    assertThat(unavailable.get()).as("health answers 503 while the import runs again").isPositive();
    for (JsonNode total : totals) {
      assertThat(total.path("forumCount").asInt()).as(total.toString()).isEqualTo(INVENTORY_FORUMS);
      assertThat(total.path("annualFeeTotal").decimalValue()).isEqualByComparingTo("7905000");
      assertThat(total.path("otherCostTotal").decimalValue()).isEqualByComparingTo("2079000");
    }
    assertThat(registeredForums(jdbcUrl)).isEqualTo(INVENTORY_FORUMS);
    assertThat(Files.exists(dataDir.resolve("inventory-2023.loaded"))).isTrue();
    JsonNode verify = Services.getJson(services.get(2) + "/audit/verify", USERS.auditorAuth());
    assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();

    log.info(
        "RESULT first-start crash: killed at {} of {} forums (health {}), database outlived the"
            + " JVM: {}; restarted on the same data, every service UP {} s later after {} answers"
            + " of 503; totals 2023 fees {} other {} forums {}; audit entries {}",
        forumsAtKill.get(),
        INVENTORY_FORUMS,
        healthAtKill.get(),
        databaseOutlivedTheJvm,
        String.format("%.1f", ready),
        unavailable.get(),
        totals[0].path("annualFeeTotal").asText(),
        totals[0].path("otherCostTotal").asText(),
        totals[0].path("forumCount").asText(),
        verify.path("entryCount").asLong());
  }

  /** Forums registered in the stack's store, or -1 while its database does not answer. */
  private static long registeredForums(String jdbcUrl) {
    try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select count(*) from registry.domain_event_entry"
                        + " where payload_type like '%ForumRegistered%'")) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception e) {
      return -1;
    }
  }
}
