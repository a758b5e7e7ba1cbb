package org.forumledger.bench.stats;

import java.util.List;

/**
 * One closed-loop run: how many clients, how long it was measured, what succeeded per second, the
 * latency of every request (failed ones too) and the failures.
 */
public record LoadResult(
    int clients,
    double seconds,
    long succeeded,
    double perSecond,
    LatencySummary latency,
    long errors,
    List<String> firstErrors) {}
