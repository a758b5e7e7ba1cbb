package org.forumledger.verifier;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.forumledger.verifier.chain.LineFailure;
import org.forumledger.verifier.totals.YearTotals;

/**
 * What the check of one exported history found.
 *
 * @param file the file checked, as given
 * @param linesChecked lines read, failing ones included
 * @param firstSequence the chain sequence the file starts at, 0 when no line verified
 * @param lastSequence the furthest chain sequence reached, 0 when no line verified
 * @param headHash the hash of that last link, the value to compare with the registry's head
 * @param startPreviousHash the hash the first line continues from: 64 zeros for a whole history
 * @param keysUsed for each key id, how many lines verified with it
 * @param failures every failing line, in file order
 * @param unknownTypes lines that verified but carry an event type this verifier does not know, so
 *     they are not in the totals
 * @param years the recomputed totals by year
 */
public record VerificationReport(
    String file,
    int linesChecked,
    long firstSequence,
    long lastSequence,
    String headHash,
    String startPreviousHash,
    SortedMap<String, Integer> keysUsed,
    List<LineFailure> failures,
    int unknownTypes,
    SortedMap<Integer, YearTotals> years) {

  public VerificationReport {
    keysUsed = Collections.unmodifiableSortedMap(new TreeMap<>(keysUsed));
    failures = List.copyOf(failures);
    years = Collections.unmodifiableSortedMap(new TreeMap<>(years));
  }

  /** Every line verified and the chain runs through them without a gap, fork or repeat. */
  @JsonProperty("intact")
  public boolean intact() {
    return failures.isEmpty();
  }

  /**
   * The file is the whole history from the first event, not a range of it. Totals of a range leave
   * out what came before it.
   */
  @JsonProperty("wholeHistory")
  public boolean wholeHistory() {
    return firstSequence == 1;
  }
}
