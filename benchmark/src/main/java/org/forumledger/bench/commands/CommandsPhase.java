package org.forumledger.bench.commands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.forumledger.bench.http.Http;
import org.forumledger.bench.process.StackEndpoints;
import org.forumledger.bench.stats.ClosedLoop;
import org.forumledger.bench.stats.LoadResult;
import org.forumledger.bench.stats.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands at 1, 8 and 32 clients, each level followed at once by raw JDBC at the same count, so
 * both see the machine in the same state. Every client registers and changes forums of its own.
 */
public final class CommandsPhase {

  private static final Logger log = LoggerFactory.getLogger(CommandsPhase.class);

  private final Http http;
  private final StackEndpoints stack;
  private final Duration warmup;
  private final Duration window;
  private final Map<String, LongAdder> mix = new ConcurrentHashMap<>();

  public CommandsPhase(Http http, StackEndpoints stack, Duration warmup, Duration window) {
    this.http = http;
    this.stack = stack;
    this.warmup = warmup;
    this.window = window;
  }

  /**
   * The command mix at {@code clients} for {@code duration}, unmeasured, so the windows after it
   * measure code the JIT has compiled rather than code it is compiling.
   */
  public LoadResult warmUp(int clients, Duration duration) {
    LoadResult load = ClosedLoop.run(clients, Duration.ZERO, duration, this::registryClient);
    log.info("commands warm-up, {} clients: {}", clients, load);
    return load;
  }

  public CommandsResult run(List<Integer> clientCounts) throws Exception {
    List<CommandsResult.Level> levels = new ArrayList<>();
    try (JdbcInsertBaseline jdbc = new JdbcInsertBaseline(stack)) {
      if (!jdbc.inOwnDatabase()) {
        log.warn(
            "The raw JDBC baseline runs in the stack's database (no right to create one):"
                + " its connections' memory counts as the stack's");
      }
      for (int clients : clientCounts) {
        LoadResult registry = ClosedLoop.run(clients, warmup, window, this::registryClient);
        log.info("commands, {} clients: {}", clients, registry);
        LoadResult raw = ClosedLoop.run(clients, warmup, window, i -> jdbc.client());
        log.info("raw JDBC, {} clients: {}", clients, raw);
        double ratio = raw.perSecond() == 0 ? 0 : registry.perSecond() / raw.perSecond();
        levels.add(new CommandsResult.Level(clients, registry, raw, ratio));
      }
    }
    Map<String, Long> sent = new TreeMap<>();
    mix.forEach((kind, count) -> sent.put(kind, count.sum()));
    return new CommandsResult(levels, sent);
  }

  private ClosedLoop.Client registryClient(int index) {
    CommandMix commands = new CommandMix("c" + index + "-" + System.nanoTime(), index * 31L + 7);
    RegistryWriter writer =
        new RegistryWriter(http, stack.registryUrl(), stack.users().registrarAuth(), commands);
    return () -> {
      RegistryWriter.Written written = writer.next();
      mix.computeIfAbsent(written.command().kind(), k -> new LongAdder()).increment();
      return written.answer().ok()
          ? Outcome.success()
          : Outcome.failure(RegistryWriter.describe(written));
    };
  }
}
