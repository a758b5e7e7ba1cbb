package org.forumledger.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.forumledger.cost.CostServiceApplication;
import org.forumledger.events.seal.KeyFiles;
import org.forumledger.infra.FreePorts;
import org.forumledger.kit.consumer.ForumEventConsumer;
import org.forumledger.registry.RegistryServiceApplication;
import org.forumledger.reporting.ReportingServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The three services started in this JVM against one broker and one database, each with its own
 * configuration file, schema, consumer group and port.
 */
public final class ServiceStack implements AutoCloseable {

  /**
   * Where the services find the broker and the database, the users' passwords and the registry's
   * signing keys (generated there on first start; the consumers read the public keys there).
   */
  public record Wiring(
      String kafkaBootstrapServers,
      String jdbcUrl,
      String dbUsername,
      String dbPassword,
      Credentials credentials,
      Path signingKeyDir) {

    /** Keys in a fresh temporary directory, for a stack that keeps no data. */
    public Wiring(
        String kafkaBootstrapServers,
        String jdbcUrl,
        String dbUsername,
        String dbPassword,
        Credentials credentials) {
      this(kafkaBootstrapServers, jdbcUrl, dbUsername, dbPassword, credentials, temporaryKeyDir());
    }

    private static Path temporaryKeyDir() {
      try {
        return java.nio.file.Files.createTempDirectory("ledger-signing");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** Ports of the three services; 0 picks a free one. */
  public record Ports(int registry, int cost, int reporting) {}

  /**
   * The registry's Axon Framework is on this JVM's class path; the consumers have no use for it and
   * must not configure it against their own schemas.
   */
  private static final String AXON_AUTO_CONFIGURATIONS =
      autoConfigurationsUnder("org.axonframework.");

  private final List<ConfigurableApplicationContext> contexts;

  private ServiceStack(List<ConfigurableApplicationContext> contexts) {
    this.contexts = contexts;
  }

  public static ServiceStack start(Wiring wiring, Ports ports) {
    return start(wiring, ports, null);
  }

  /**
   * The stack with {@code readiness}, when given, as a health component of every service, so that
   * their health says whether the stack is ready for its users.
   */
  static ServiceStack start(Wiring wiring, Ports ports, FirstStart readiness) {
    KeyFiles.activeOrCreate(wiring.signingKeyDir());
    // every port is known before anything starts, so that reporting can be told where the registry
    // and the cost service are while they are still starting
    int registryPort = ports.registry() == 0 ? FreePorts.next() : ports.registry();
    int costPort = ports.cost() == 0 ? FreePorts.next() : ports.cost();
    int reportingPort = ports.reporting() == 0 ? FreePorts.next() : ports.reporting();
    Map<String, Object> withoutAxon =
        Map.of("spring.autoconfigure.exclude", AXON_AUTO_CONFIGURATIONS);
    Map<String, Object> reportingWiring =
        Map.of(
            "LEDGER_REGISTRY_URL",
            "http://localhost:" + registryPort,
            "LEDGER_COST_URL",
            "http://localhost:" + costPort,
            "spring.autoconfigure.exclude",
            AXON_AUTO_CONFIGURATIONS);
    // The registry's context starts on this thread; cost and reporting, which need nothing of it
    // to start, start beside it on two threads of their own once its logging is set up (the first
    // context configures the JVM's logging, the others find it configured). A cold start is mostly
    // single-threaded work per context, so on two cores the three overlap instead of queueing.
    ExecutorService beside = Executors.newFixedThreadPool(2, ServiceStack::starterThread);
    List<Future<ConfigurableApplicationContext>> consumers = new ArrayList<>();
    ApplicationListener<ApplicationPreparedEvent> startTheOthers =
        event -> {
          if (consumers.isEmpty()) {
            consumers.add(
                beside.submit(
                    () ->
                        start(
                            CostServiceApplication.class,
                            "cost-service",
                            "COST_PORT",
                            costPort,
                            wiring,
                            withoutAxon,
                            readiness,
                            null)));
            consumers.add(
                beside.submit(
                    () ->
                        start(
                            ReportingServiceApplication.class,
                            "reporting-service",
                            "REPORTING_PORT",
                            reportingPort,
                            wiring,
                            reportingWiring,
                            readiness,
                            null)));
          }
        };
    List<ConfigurableApplicationContext> started = new ArrayList<>();
    RuntimeException failure = null;
    try {
      started.add(
          start(
              RegistryServiceApplication.class,
              "registry-service",
              "REGISTRY_PORT",
              registryPort,
              wiring,
              Map.of(),
              readiness,
              startTheOthers));
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<ConfigurableApplicationContext> consumer : consumers) {
      try {
        started.add(consumer.get());
      } catch (ExecutionException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException r
                ? r
                : new IllegalStateException(e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = failure == null ? new IllegalStateException(e) : failure;
      }
    }
    beside.shutdown();
    if (failure != null || started.size() != 3) {
      new ServiceStack(started).close();
      throw failure != null
          ? failure
          : new IllegalStateException("The registry did not start the other services");
    }
    return new ServiceStack(started);
  }

  private static Thread starterThread(Runnable work) {
    Thread thread = new Thread(work, "service-start");
    thread.setDaemon(false);
    return thread;
  }

  private static ConfigurableApplicationContext start(
      Class<?> application,
      String name,
      String portVariable,
      int port,
      Wiring wiring,
      Map<String, Object> extra,
      FirstStart readiness,
      ApplicationListener<ApplicationPreparedEvent> onPrepared) {
    Map<String, Object> properties = new HashMap<>(extra);
    properties.put("spring.config.name", name);
    properties.put(portVariable, port);
    properties.put("LEDGER_KAFKA_BOOTSTRAP_SERVERS", wiring.kafkaBootstrapServers());
    properties.put("LEDGER_DB_URL", wiring.jdbcUrl());
    properties.put("LEDGER_DB_USER", wiring.dbUsername());
    properties.put("LEDGER_DB_PASSWORD", wiring.dbPassword());
    properties.put("LEDGER_REGISTRAR_PASSWORD", wiring.credentials().registrar());
    properties.put("LEDGER_AUDITOR_PASSWORD", wiring.credentials().auditor());
    properties.put("LEDGER_VIEWER_PASSWORD", wiring.credentials().viewer());
    properties.put("LEDGER_SIGNING_KEY_DIR", wiring.signingKeyDir().toString());
    properties.put("LEDGER_VERIFICATION_KEY_DIR", wiring.signingKeyDir().toString());
    properties.put("spring.main.banner-mode", "off");
    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(application)
            // "Started CostServiceApplication in …": each context's start time in the log, also
            // for those started on a thread of their own
            .main(application)
            .properties(properties)
            .registerShutdownHook(false);
    if (onPrepared != null) {
      builder.listeners(onPrepared);
    }
    if (readiness != null) {
      builder.initializers(
          context -> context.getBeanFactory().registerSingleton(FirstStart.COMPONENT, readiness));
    }
    return builder.run();
  }

  /** The auto-configurations on this JVM's class path whose class names start with a prefix. */
  static String autoConfigurationsUnder(String... prefixes) {
    try {
      List<String> names = new ArrayList<>();
      Enumeration<URL> files =
          ServiceStack.class
              .getClassLoader()
              .getResources(
                  "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
      while (files.hasMoreElements()) {
        try (InputStream in = files.nextElement().openStream()) {
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(line -> java.util.Arrays.stream(prefixes).anyMatch(line::startsWith))
              .forEach(names::add);
        }
      }
      return String.join(",", names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String registryUrl() {
    return url(0);
  }

  public String costUrl() {
    return url(1);
  }

  public String reportingUrl() {
    return url(2);
  }

  private String url(int index) {
    return "http://localhost:"
        + contexts.get(index).getEnvironment().getProperty("local.server.port");
  }

  public ConfigurableApplicationContext registry() {
    return contexts.get(0);
  }

  public ConfigurableApplicationContext cost() {
    return contexts.get(1);
  }

  public ConfigurableApplicationContext reporting() {
    return contexts.get(2);
  }

  /** The global position of the registry's latest stored event, 0 before the first. */
  long registryHead() {
    Long head =
        registry()
            .getBean(JdbcTemplate.class)
            .queryForObject(
                "select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    return head == null ? 0 : head;
  }

  /** Whether both consumers have handled every event up to {@code position}. */
  boolean consumersReached(long position) {
    return cost().getBean(ForumEventConsumer.class).position() >= position
        && reporting().getBean(ForumEventConsumer.class).position() >= position;
  }

  /** Stops the consumers first and the registry last, so nothing is half-published. */
  @Override
  public void close() {
    for (int i = contexts.size() - 1; i >= 0; i--) {
      contexts.get(i).close();
    }
  }
}
