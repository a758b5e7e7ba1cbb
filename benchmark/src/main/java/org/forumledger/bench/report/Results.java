package org.forumledger.bench.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.forumledger.bench.commands.CommandsResult;
import org.forumledger.bench.freshness.FreshnessResult;
import org.forumledger.bench.history.HistoryResult;
import org.forumledger.bench.process.MemoryResult;
import org.forumledger.bench.process.StartupResult;
import org.forumledger.bench.reads.ReadsResult;

/** Everything one run measured; a phase not run is null. */
public record Results(
    Instant date,
    Machine machine,
    Map<String, Object> settings,
    StartupResult startup,
    ReadsResult reads,
    CommandsResult commands,
    FreshnessResult freshnessLow,
    FreshnessResult freshnessHigh,
    HistoryResult history,
    ReadsResult historyReads,
    MemoryResult memory,
    List<String> notes) {}
