package org.forumledger.bench.commands;

import java.util.List;
import java.util.Map;
import org.forumledger.bench.stats.LoadResult;

/**
 * Commands per second at each client count against the registry, and raw JDBC insert+commit at the
 * same count in the same run; {@code ratio} is registry ÷ JDBC. {@code mix} counts the kinds sent.
 */
public record CommandsResult(List<Level> levels, Map<String, Long> mix) {

  public record Level(int clients, LoadResult registry, LoadResult jdbc, double ratio) {}

  /** The level with the most successful commands per second, for the freshness burst. */
  public Level fastest() {
    return levels.stream()
        .max((a, b) -> Double.compare(a.registry().perSecond(), b.registry().perSecond()))
        .orElseThrow();
  }
}
