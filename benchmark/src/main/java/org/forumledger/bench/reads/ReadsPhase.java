package org.forumledger.bench.reads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.bench.http.Http;
import org.forumledger.bench.stats.ClosedLoop;
import org.forumledger.bench.stats.LoadResult;
import org.forumledger.bench.stats.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every read target at every concurrency, one after the other, closed loop. */
public final class ReadsPhase {

  private static final Logger log = LoggerFactory.getLogger(ReadsPhase.class);

  private final Http http;
  private final Duration warmup;
  private final Duration window;

  public ReadsPhase(Http http, Duration warmup, Duration window) {
    this.http = http;
    this.warmup = warmup;
    this.window = window;
  }

  public ReadsResult run(
      List<ReadTarget> targets,
      List<Integer> concurrencies,
      long forums,
      long position,
      long publishedPosition) {
    List<ReadsResult.Read> reads = new ArrayList<>();
    boolean first = true;
    for (int clients : concurrencies) {
      LoadResult baseline = null;
      for (ReadTarget target : targets) {
        Double firstAnswerMs = first ? firstAnswerMs(target) : null;
        LoadResult load = ClosedLoop.run(clients, warmup, window, i -> client(target));
        log.info("{} at {}: {}", target.name(), clients, load);
        if (target.baseline()) {
          baseline = load;
        }
        double ratio =
            baseline == null || baseline.perSecond() == 0
                ? 0
                : load.perSecond() / baseline.perSecond();
        reads.add(
            new ReadsResult.Read(target.name(), target.url(), clients, load, ratio, firstAnswerMs));
      }
      first = false;
    }
    return new ReadsResult(forums, position, publishedPosition, reads);
  }

  /** One request timed alone; NaN when it failed (the window after it will say why). */
  private double firstAnswerMs(ReadTarget target) {
    long started = System.nanoTime();
    try {
      Http.Answer answer = http.get(target.url(), target.authorization());
      double ms = (System.nanoTime() - started) / 1e6;
      log.info("{}: first answer {} in {} ms", target.name(), answer.status(), Math.round(ms));
      return answer.ok() ? ms : Double.NaN;
    } catch (RuntimeException e) {
      log.warn("{}: first request failed: {}", target.name(), e.toString());
      return Double.NaN;
    }
  }

  private ClosedLoop.Client client(ReadTarget target) {
    return () -> {
      Http.Answer answer = http.get(target.url(), target.authorization());
      return answer.ok()
          ? Outcome.success()
          : Outcome.failure(answer.status() + " GET " + target.url() + ": " + answer.snippet());
    };
  }
}
