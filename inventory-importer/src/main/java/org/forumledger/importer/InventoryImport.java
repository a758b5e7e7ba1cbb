package org.forumledger.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.forumledger.importer.RegistryClient.Response;
import org.forumledger.importer.RowMapper.Mapping;
import org.forumledger.importer.RowPlan.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Göteborgs Stad's 2023 inventory into the registry through its HTTP API. A row is validated
 * whole before anything of it is sent; a malformed row, or one the registry refuses, is reported by
 * its line number and the import goes on with the other rows. Each row is one forum, so rows are
 * sent a few at a time, each row's writes in order.
 *
 * <p>Every write carries an {@code Idempotency-Key} derived from the row's section, so running the
 * import again replays the registry's first answers (same forum ids) and writes no new event.
 */
public final class InventoryImport {

  /** Overrides the inventory packaged with the registry. */
  public static final String FILE_VARIABLE = "LEDGER_INVENTORY_FILE";

  static final String DEFAULT_RESOURCE = "inventory/inventory-2023.csv";

  private static final Logger log = LoggerFactory.getLogger(InventoryImport.class);
  private static final Pattern LINE = Pattern.compile("line (\\d+):");

  private final String sourceName;
  private final Source source;
  private final RegistryTransport registry;
  private final int rowsAtATime;
  private final CityData cityData;

  /** Rows sent at the same time over HTTP: enough to keep a 2-core registry busy. */
  static final int ROWS_AT_A_TIME = 16;

  @FunctionalInterface
  interface Source {
    String read() throws IOException;
  }

  InventoryImport(String sourceName, Source source, RegistryTransport registry) {
    this(sourceName, source, registry, 1);
  }

  InventoryImport(String sourceName, Source source, RegistryTransport registry, int rowsAtATime) {
    this(sourceName, source, registry, rowsAtATime, CityData.none());
  }

  private InventoryImport(
      String sourceName,
      Source source,
      RegistryTransport registry,
      int rowsAtATime,
      CityData cityData) {
    this.sourceName = sourceName;
    this.source = source;
    this.registry = registry;
    this.rowsAtATime = rowsAtATime;
    this.cityData = cityData;
  }

  /** This import, registering {@code data}'s units and goals before the first forum. */
  InventoryImport withCityData(CityData data) {
    return new InventoryImport(sourceName, source, registry, rowsAtATime, data);
  }

  public static InventoryImport fromDefaultFile(
      String registryBaseUrl, String username, String password) {
    String file = System.getenv(FILE_VARIABLE);
    if (file != null && !file.isBlank()) {
      return fromFile(Path.of(file), registryBaseUrl, username, password);
    }
    return new InventoryImport(
            "classpath:" + DEFAULT_RESOURCE,
            InventoryImport::readDefaultResource,
            new RegistryClient(registryBaseUrl, username, password),
            ROWS_AT_A_TIME)
        .withCityData(CityData.shipped());
  }

  public static InventoryImport fromFile(
      Path csv, String registryBaseUrl, String username, String password) {
    return fromFile(csv, new RegistryClient(registryBaseUrl, username, password));
  }

  /**
   * An inventory already read, such as a file a registrar uploaded, imported as {@code username}:
   * that person is the actor of every event the import makes.
   */
  public static InventoryImport fromText(
      String sourceName, String csv, String registryBaseUrl, String username, String password) {
    return new InventoryImport(
            sourceName,
            () -> csv,
            new RegistryClient(registryBaseUrl, username, password),
            ROWS_AT_A_TIME)
        .withCityData(CityData.shipped());
  }

  static InventoryImport fromFile(Path csv, RegistryTransport registry) {
    return new InventoryImport(
            csv.toString(),
            () -> Files.readString(csv, StandardCharsets.UTF_8),
            registry,
            ROWS_AT_A_TIME)
        .withCityData(CityData.shipped());
  }

  private static String readDefaultResource() throws IOException {
    ClassLoader loader = InventoryImport.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IOException("resource " + DEFAULT_RESOURCE + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The outcome of one run.
   *
   * @param rows data rows read from the file, plus one for a record that cannot be parsed as CSV
   *     (reading stops there)
   * @param importedRows rows whose every write the registry accepted (first time or replayed)
   * @param failedRows rows that were malformed, that the registry refused, or that cannot be parsed
   * @param requestsSent HTTP requests sent, replays included
   * @param forumsRegistered forums this run created; a rerun's replayed registrations do not count
   * @param problems one "line N: ..." entry per failed row, plus any problem with the file itself
   */
  public record Summary(
      int rows,
      int importedRows,
      int failedRows,
      int requestsSent,
      int forumsRegistered,
      List<String> problems) {

    public Summary {
      problems = List.copyOf(problems);
    }

    /** Imported rows whose forum an earlier run had registered (the registry replayed it). */
    public int alreadyRegistered() {
      return Math.max(0, importedRows - forumsRegistered);
    }

    @Override
    public String toString() {
      int alreadyThere = alreadyRegistered();
      StringBuilder text =
          new StringBuilder()
              .append("Inventory 2023 import: ")
              .append(rows)
              .append(" rows read, ")
              .append(importedRows)
              .append(" imported, ")
              .append(failedRows)
              .append(" failed; ")
              .append(forumsRegistered)
              .append(" forums newly registered");
      if (alreadyThere > 0) {
        text.append(" and ").append(alreadyThere).append(" already registered by an earlier run");
      }
      text.append("; ").append(requestsSent).append(" requests sent to the registry.");
      if (problems.isEmpty()) {
        text.append(" No problems.");
      } else {
        text.append(" Problems: ").append(String.join(" | ", problems));
      }
      return text.toString();
    }
  }

  public Summary run() {
    long started = System.nanoTime();
    String text;
    try {
      text = source.read();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the inventory " + sourceName, e);
    }
    InventoryCsv.Parsed parsed = InventoryCsv.parse(text);
    Counters counters = new Counters();
    counters.problems.addAll(parsed.problems());
    registerCityData(counters);
    log.info("Importing {} inventory rows from {}", parsed.rows().size(), sourceName);

    Set<String> sections = new HashSet<>();
    List<Sending> sending = new ArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(rowsAtATime, InventoryImport::sender);
    try {
      for (InventoryRow row : parsed.rows()) {
        if (!parsed.headerUsable()) {
          counters.failed++;
          continue;
        }
        Mapping mapping = RowMapper.map(row, sections);
        if (row.get(InventoryCsv.SECTION) != null) {
          sections.add(row.get(InventoryCsv.SECTION));
        }
        if (!mapping.valid()) {
          fail(counters, mapping.problem(row));
          continue;
        }
        sending.add(
            new Sending(row, mapping, senders.submit(() -> send(mapping.plan(), counters))));
      }
      for (Sending row : sending) {
        Optional<String> failure = outcome(row);
        if (failure.isPresent()) {
          fail(counters, failure.get());
        } else {
          counters.imported();
        }
      }
    } finally {
      senders.shutdownNow();
    }
    int rows = parsed.rows().size();
    if (!parsed.readToEnd()) {
      // the record that cannot be parsed counts as a failed row, so a partial import never looks
      // complete
      rows++;
      counters.failed++;
    }
    counters.problems.sort(Comparator.comparingLong(InventoryImport::lineOf));
    Summary summary =
        new Summary(
            rows,
            counters.imported,
            counters.failed,
            counters.requests.get(),
            counters.registered.get(),
            counters.problems);
    log.info(
        "Inventory import from {} took {} ms: {}",
        sourceName,
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        summary);
    return summary;
  }

  private record Sending(InventoryRow row, Mapping mapping, Future<Optional<String>> failure) {}

  /** The row's failure, as the summary names it, or empty when every write was accepted. */
  private static Optional<String> outcome(Sending sending) {
    String where = where(sending.row(), sending.mapping());
    try {
      return sending.failure().get().map(failure -> where + failure);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(
          "line "
              + sending.row().line()
              + ": the import was interrupted; the row was not imported");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        return Optional.of(where + "the registry could not be reached (" + cause + ")");
      }
      if (cause instanceof InterruptedException) {
        return Optional.of(
            "line "
                + sending.row().line()
                + ": the import was interrupted; the row was not imported");
      }
      throw new IllegalStateException("Importing " + where + "failed", cause);
    }
  }

  private static Thread sender(Runnable task) {
    Thread thread = new Thread(task, "inventory-import");
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Registers the units and goals the report names, one by one, before any forum: a forum fact may
   * name a unit and a goal link a goal only once it is registered. Each write has its own
   * Idempotency-Key, and the same unit or goal sent again writes nothing, so a rerun adds no event.
   * A refused unit or goal counts as a failed row of {@link CityData#RESOURCE}.
   */
  private void registerCityData(Counters counters) {
    List<Write> writes = new ArrayList<>();
    for (CityData.UnitEntry unit : cityData.units()) {
      writes.add(
          new Write(
              "/units/" + unit.code(),
              cityData.body(unit),
              "units-and-goals-2023/unit/" + unit.code()));
    }
    for (CityData.GoalEntry goal : cityData.goals()) {
      writes.add(
          new Write(
              "/goals/" + goal.goalId(),
              cityData.body(goal),
              "units-and-goals-2023/goal/" + goal.goalId()));
    }
    for (Write write : writes) {
      String where = CityData.RESOURCE + ": ";
      try {
        Response response = registry.send("PUT", write.path(), write.body(), write.key());
        counters.sent();
        if (!response.successful()) {
          fail(counters, where + response.describeFailure());
        }
      } catch (IOException e) {
        // the rows will say so too; one problem for the file, and its other writes not tried
        fail(
            counters,
            where
                + "the registry could not be reached ("
                + e
                + "); its units and goals were not registered");
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(counters, where + "the import was interrupted at " + write.path());
        return;
      }
    }
  }

  private record Write(String path, Object body, String key) {}

  /** Sends one row's writes in order; the first refusal stops the row. */
  private Optional<String> send(RowPlan plan, Counters counters)
      throws IOException, InterruptedException {
    Response registered = registry.send("POST", "/forums", plan.register(), plan.registerKey());
    counters.sent();
    if (!registered.successful()) {
      return Optional.of(registered.describeFailure());
    }
    Optional<String> forumId = registered.location().flatMap(RegistryClient::forumIdFrom);
    if (forumId.isEmpty()) {
      return Optional.of(
          "POST /forums answered "
              + registered.status()
              + " without a usable Location header ("
              + registered.location().orElse("none")
              + ")");
    }
    if (!registered.replayed()) {
      counters.registered();
    }
    for (Step step : plan.steps()) {
      Response response =
          registry.send(
              "PUT",
              "/forums/" + forumId.get() + "/" + step.path(),
              step.body(),
              step.idempotencyKey());
      counters.sent();
      if (!response.successful()) {
        return Optional.of(response.describeFailure());
      }
    }
    log.debug("Imported section {} as forum {}", plan.section(), forumId.get());
    return Optional.empty();
  }

  /** The N of a "line N: ..." problem, so problems are reported in file order. */
  private static long lineOf(String problem) {
    Matcher matcher = LINE.matcher(problem);
    return matcher.lookingAt() ? Long.parseLong(matcher.group(1)) : Long.MAX_VALUE;
  }

  /** Where a row's failure happened, as the summary names it: line and section. */
  private static String where(InventoryRow row, Mapping mapping) {
    return "line " + row.line() + ": section " + mapping.plan().section() + ": ";
  }

  private static void fail(Counters counters, String problem) {
    counters.failed++;
    counters.problems.add(problem);
    log.warn("Inventory row not imported: {}", problem);
  }

  /** Written by the import's thread, except the request counts, which the senders add to. */
  private static final class Counters {
    private int imported;
    private int failed;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger registered = new AtomicInteger();
    private final List<String> problems = new ArrayList<>();

    void imported() {
      imported++;
    }

    void sent() {
      requests.incrementAndGet();
    }

    void registered() {
      registered.incrementAndGet();
    }
  }
}
