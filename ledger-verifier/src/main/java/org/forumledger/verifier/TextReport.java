package org.forumledger.verifier;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.forumledger.verifier.chain.LineFailure;
import org.forumledger.verifier.totals.YearTotals;

/** The report as an auditor reads it on a terminal. */
final class TextReport {

  private TextReport() {}

  static String render(VerificationReport report, Set<String> keysGiven) {
    StringBuilder out = new StringBuilder();
    out.append("Forum Ledger history check of ").append(report.file()).append('\n');
    row(out, "Lines checked", String.valueOf(report.linesChecked()));
    if (report.lastSequence() == 0) {
      row(out, "Chain", "no line verified");
    } else if (report.wholeHistory()) {
      row(out, "Chain", "whole history, sequences 1 to " + report.lastSequence());
    } else {
      row(
          out,
          "Chain",
          "a range starting at sequence "
              + report.firstSequence()
              + " (after hash "
              + report.startPreviousHash()
              + "), to "
              + report.lastSequence());
    }
    if (report.headHash() != null) {
      row(out, "Head hash", report.headHash());
    }
    row(out, "Keys given", String.join(", ", keysGiven));
    row(
        out,
        "Keys used",
        report.keysUsed().isEmpty()
            ? "none"
            : report.keysUsed().entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + " lines)")
                .collect(Collectors.joining(", ")));
    if (report.unknownTypes() > 0) {
      row(
          out,
          "Not in totals",
          report.unknownTypes() + " verified lines of event types this verifier does not know");
    }
    out.append('\n');
    if (report.intact()) {
      out.append("INTACT: every line verifies and the chain runs through them unbroken\n");
    } else {
      out.append("NOT INTACT: ")
          .append(report.failures().size())
          .append(report.failures().size() == 1 ? " failure" : " failures")
          .append('\n');
      for (LineFailure failure : report.failures()) {
        out.append("  ").append(failure).append('\n');
      }
    }
    out.append('\n');
    years(out, report);
    return out.toString();
  }

  private static void years(StringBuilder out, VerificationReport report) {
    if (report.years().isEmpty()) {
      out.append("No year to recompute: no fee or other cost in the verified lines\n");
      return;
    }
    out.append("Totals recomputed from the verified events alone (SEK, exact)");
    if (!report.wholeHistory()) {
      out.append(": a range leaves out the events before it");
    }
    if (!report.intact()) {
      out.append(": failing lines are left out");
    }
    out.append('\n');
    String format = "%-6s %7s %16s %16s %15s %19s %12s%n";
    out.append(
        String.format(
            format,
            "year",
            "forums",
            "annual fees",
            "other costs",
            "not calculated",
            "reported elsewhere",
            "fee paying"));
    for (Map.Entry<Integer, YearTotals> entry : report.years().entrySet()) {
      YearTotals y = entry.getValue();
      out.append(
          String.format(
              format,
              y.year(),
              y.forums(),
              y.fees().toPlainString(),
              y.otherCosts().toPlainString(),
              y.notCalculated(),
              y.reportedElsewhere(),
              y.feePaying()));
    }
    out.append("Not calculated is counted, never summed: unknown is not zero.\n");
  }

  private static void row(StringBuilder out, String label, String value) {
    out.append(String.format("%-15s %s%n", label + ":", value));
  }
}
