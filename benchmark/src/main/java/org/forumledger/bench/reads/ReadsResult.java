package org.forumledger.bench.reads;

import java.util.List;
import org.forumledger.bench.stats.LoadResult;

/**
 * Each read at each concurrency, with the stack's size when measured: its forums, the position both
 * read sides had reached and the last position published; {@code ratio} is the read's requests per
 * second ÷ the health endpoint's without credentials at the same concurrency. {@code firstAnswerMs}
 * is the read's first request of the phase, timed alone before its first window (a cold cache or
 * fold shows there, not in a window's percentiles); null at the later concurrencies.
 */
public record ReadsResult(long forums, long position, long publishedPosition, List<Read> reads) {

  public record Read(
      String name, String url, int clients, LoadResult load, double ratio, Double firstAnswerMs) {}
}
