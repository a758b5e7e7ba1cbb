package org.forumledger.verifier.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.forumledger.events.seal.ChainLink;
import org.forumledger.events.seal.EventSeal;

/**
 * Follows the chain through the lines of an export, in file order, and names the line where it does
 * not continue. The first line whose seal verifies is the start: chain sequence 1 after 64 zeros
 * for a whole history, any other sequence for a range.
 *
 * <p>After a failing line the check goes on from what can still be trusted, so that one change is
 * reported once: a line that verified but is out of place becomes the new end of the chain; a line
 * whose seal fails is taken to fill the next place without vouching for any hash, so the line after
 * it is checked for its sequence only; a repeated or reordered line leaves the end where it was.
 */
public final class ChainFollower {

  private record Gap(long from, long to, int line) {}

  private ChainLink end;
  private int endLine;
  private int unverifiedSinceEnd;
  private ChainLink start;
  private long firstSequence;
  private final Map<Long, Integer> lineOfSequence = new HashMap<>();
  private final List<Gap> gaps = new ArrayList<>();

  /** A line whose seal did not verify: it may stand in the next place, nothing more. */
  public void unverified() {
    unverifiedSinceEnd++;
  }

  /**
   * The next verified seal, on {@code line}.
   *
   * @return why the line is not the next link of the chain, empty when it is
   */
  public Optional<LineFailure> follow(int line, EventSeal seal) {
    long sequence = seal.chainSequence();
    if (end == null) {
      return begin(line, seal);
    }
    if (sequence <= end.sequence()) {
      return Optional.of(behind(line, sequence));
    }
    long missing = sequence - end.sequence() - 1 - unverifiedSinceEnd;
    Optional<LineFailure> failure = Optional.empty();
    if (missing > 0) {
      gaps.add(new Gap(sequence - missing, sequence - 1, line));
      failure =
          Optional.of(
              new LineFailure(
                  line,
                  Problem.MISSING_LINES,
                  "chain sequence "
                      + sequence
                      + " follows "
                      + end.sequence()
                      + (unverifiedSinceEnd > 0
                          ? " and " + lines(unverifiedSinceEnd) + " that failed"
                          : "")
                      + ": "
                      + lines(missing)
                      + " missing"
                      + (missing == 1
                          ? " (sequence " + (sequence - 1) + ")"
                          : " (sequences "
                              + (sequence - missing)
                              + " to "
                              + (sequence - 1)
                              + ")")));
    } else if (sequence == end.sequence() + 1 && !seal.previousHash().equals(end.hash())) {
      failure =
          Optional.of(
              new LineFailure(
                  line,
                  Problem.CHAIN_BROKEN,
                  "chain sequence "
                      + sequence
                      + " names previous hash "
                      + abbreviated(seal.previousHash())
                      + " but sequence "
                      + end.sequence()
                      + " (line "
                      + endLine
                      + ") has hash "
                      + abbreviated(end.hash())
                      + ": the chain forks"));
    }
    advance(line, seal);
    return failure;
  }

  private Optional<LineFailure> begin(int line, EventSeal seal) {
    start = new ChainLink(seal.chainSequence() - 1, seal.previousHash());
    // failed lines before the first verified one stand in the places before it
    firstSequence = Math.max(1, seal.chainSequence() - unverifiedSinceEnd);
    advance(line, seal);
    if (seal.chainSequence() == 1 && !seal.previousHash().equals(ChainLink.GENESIS_HASH)) {
      return Optional.of(
          new LineFailure(
              line,
              Problem.CHAIN_BROKEN,
              "chain sequence 1 names previous hash "
                  + abbreviated(seal.previousHash())
                  + " instead of 64 zeros"));
    }
    return Optional.empty();
  }

  private LineFailure behind(int line, long sequence) {
    Integer earlier = lineOfSequence.get(sequence);
    String where;
    if (earlier != null) {
      where = ": the same place as line " + earlier;
    } else {
      where =
          gaps.stream()
              .filter(gap -> gap.from() <= sequence && sequence <= gap.to())
              .findFirst()
              .map(gap -> ": it was missing before line " + gap.line())
              .orElse(sequence <= start.sequence() ? ": before the start of this file" : "");
    }
    String arrival =
        sequence == end.sequence()
            ? "chain sequence " + sequence + " again"
            : "chain sequence " + sequence + " after " + end.sequence();
    return new LineFailure(
        line, Problem.REPEATED_OR_REORDERED, arrival + ": reordered or repeated" + where);
  }

  private void advance(int line, EventSeal seal) {
    end = seal.link();
    endLine = line;
    unverifiedSinceEnd = 0;
    lineOfSequence.putIfAbsent(seal.chainSequence(), line);
  }

  private static String lines(long count) {
    return count + (count == 1 ? " line" : " lines");
  }

  static String abbreviated(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
  }

  /** The link before the first verified line: {@link ChainLink#START} for a whole history. */
  public Optional<ChainLink> start() {
    return Optional.ofNullable(start);
  }

  /** Whether a verified line of this sequence came before. */
  public boolean hasPassed(long sequence) {
    return lineOfSequence.containsKey(sequence);
  }

  /** The chain sequence the file starts at, 0 when no line verified. */
  public long firstSequence() {
    return firstSequence;
  }

  /** The furthest link followed: the head of the chain as this file has it. */
  public Optional<ChainLink> end() {
    return Optional.ofNullable(end);
  }
}
