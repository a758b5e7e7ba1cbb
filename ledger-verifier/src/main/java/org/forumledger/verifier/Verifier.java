package org.forumledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.forumledger.events.EventEnvelope;
import org.forumledger.events.EventJson;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.EventSeal;
import org.forumledger.events.seal.KeyRing;
import org.forumledger.verifier.chain.ChainFollower;
import org.forumledger.verifier.chain.JsonLines;
import org.forumledger.verifier.chain.LineFailure;
import org.forumledger.verifier.chain.Problem;
import org.forumledger.verifier.chain.RecordCheck;
import org.forumledger.verifier.totals.TotalsRecomputation;
import org.forumledger.verifier.totals.YearTotals;

/**
 * Checks an exported history (JSON Lines, one published record value a line, in chain order) with
 * the registry's public keys alone: every line's seal, the chain from line to line, and each year's
 * totals recomputed from the events of the lines that verified. A sequence that comes again is not
 * folded twice.
 */
public final class Verifier {

  private Verifier() {}

  /** The check with the totals of every year a fee or other cost names. */
  public static VerificationReport verify(Path file, KeyRing keys) throws IOException {
    return verify(file, keys, List.of());
  }

  /**
   * @param years the years to recompute totals for; empty for every year a fee or other cost names
   * @throws IOException when the file cannot be read
   */
  public static VerificationReport verify(Path file, KeyRing keys, Collection<Integer> years)
      throws IOException {
    List<LineFailure> failures = new ArrayList<>();
    ChainFollower chain = new ChainFollower();
    TotalsRecomputation totals = new TotalsRecomputation();
    Map<String, Integer> keysUsed = new TreeMap<>();
    int unknownTypes = 0;
    int lines = 0;
    try (JsonLines in = JsonLines.open(file)) {
      for (byte[] bytes = in.next(); bytes != null; bytes = in.next()) {
        int line = in.number();
        lines = line;
        RecordCheck.Outcome outcome = RecordCheck.check(line, bytes, keys);
        if (outcome instanceof RecordCheck.Failed failed) {
          failures.add(failed.failure());
          chain.unverified();
          continue;
        }
        RecordCheck.Verified verified = (RecordCheck.Verified) outcome;
        EventSeal seal = verified.seal();
        keysUsed.merge(seal.keyId(), 1, Integer::sum);
        boolean passedBefore = chain.hasPassed(seal.chainSequence());
        chain.follow(line, seal).ifPresent(failures::add);
        if (passedBefore) {
          continue;
        }
        try {
          Optional<EventEnvelope> event = EventJson.read(verified.record());
          if (event.isPresent()) {
            totals.apply(event.get());
          } else {
            unknownTypes++;
          }
        } catch (UncheckedIOException e) {
          failures.add(new LineFailure(line, Problem.UNREADABLE_EVENT, unreadable(verified)));
        }
      }
    }
    if (lines == 0) {
      failures.add(new LineFailure(0, Problem.EMPTY, "the file holds no line"));
    }
    SortedSet<Integer> yearsToShow = years.isEmpty() ? totals.namedYears() : new TreeSet<>(years);
    SortedMap<Integer, YearTotals> byYear = new TreeMap<>();
    yearsToShow.forEach(year -> byYear.put(year, totals.totalsFor(year)));
    ChainLink start = chain.start().orElse(null);
    ChainLink end = chain.end().orElse(null);
    return new VerificationReport(
        file.toString(),
        lines,
        chain.firstSequence(),
        end == null ? 0 : end.sequence(),
        end == null ? null : end.hash(),
        start == null ? null : start.hash(),
        new TreeMap<>(keysUsed),
        failures,
        unknownTypes,
        byYear);
  }

  private static String unreadable(RecordCheck.Verified verified) {
    JsonNode metadata = verified.record().path("metadata");
    return "chain sequence "
        + verified.seal().chainSequence()
        + " is sealed, but its payload is not a readable "
        + metadata.path("eventType").asText("event")
        + " version "
        + metadata.path("eventVersion").asText("?");
  }
}
