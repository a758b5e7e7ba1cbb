package org.forumledger.bench.history;

import org.forumledger.bench.history.HistoryPublisher.Published;
import org.forumledger.bench.history.TopicScan.FullRead;

/**
 * A long history published and worked through: the live consumers catching up with it, a plain
 * consumer reading the whole topic (the baseline), the cost service's rebuild and the reporting
 * service's replay of everything on the topic.
 */
public record HistoryResult(
    int forums,
    Published published,
    Stage costCatchUp,
    Stage reportingCatchUp,
    FullRead plainConsumer,
    Stage costRebuild,
    Replay reportingReplay) {

  /**
   * One consumer working through {@code events} events: done or not within {@code timeoutSeconds},
   * its rate (over what it reached when not done), the stack's CPU meanwhile in cores, and its rate
   * ÷ the plain consumer's.
   */
  public record Stage(
      boolean finished,
      double seconds,
      long events,
      double perSecond,
      long lastPosition,
      double timeoutSeconds,
      Double stackCpuCores,
      Double ratioToPlainConsumer,
      String note) {}

  /** The auditor's replay as the reporting service reports it. */
  public record Replay(
      String state,
      boolean finished,
      double seconds,
      Double serverSeconds,
      long recordsRead,
      double perSecond,
      Boolean equalToLive,
      String error,
      double timeoutSeconds,
      Double stackCpuCores,
      Double ratioToPlainConsumer) {}
}
