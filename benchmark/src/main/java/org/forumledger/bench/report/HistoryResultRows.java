package org.forumledger.bench.report;

import java.util.List;
import java.util.Locale;
import org.forumledger.bench.history.HistoryResult;
import org.forumledger.bench.report.Row.Verdict;

/** The rows of the long history: publication, catch-up, the plain consumer, rebuild, replay. */
final class HistoryResultRows {

  private HistoryResultRows() {}

  static void add(HistoryResult history, List<Row> rows) {
    String size =
        Format.count(history.published().events())
            + " events, "
            + Format.count(history.forums())
            + " forums";
    String plain = "plain KafkaConsumer " + Format.rate(history.plainConsumer().perSecond());
    rows.add(
        new Row(
            "publication of the history (" + size + ")",
            Format.rate(history.published().perSecond())
                + " with a plain producer ("
                + Format.seconds(history.published().seconds())
                + (history.published().errors() > 0
                    ? "; " + history.published().errors() + " errors"
                    : "")
                + ")",
            "–",
            "–",
            "–",
            Verdict.NONE,
            IssueFigures.PUBLICATION));
    rows.add(
        new Row(
            "plain KafkaConsumer reading the whole topic",
            Format.rate(history.plainConsumer().perSecond())
                + " ("
                + Format.count(history.plainConsumer().records())
                + " records in "
                + Format.seconds(history.plainConsumer().seconds())
                + ")",
            "–",
            "–",
            "–",
            Verdict.NONE,
            IssueFigures.PLAIN_CONSUMER));
    rows.add(
        stage(
            "cost consumer catching up (" + size + ")",
            history.costCatchUp(),
            plain,
            "–",
            false,
            IssueFigures.COST_CATCH_UP));
    rows.add(
        stage(
            "reporting consumer catching up (" + size + ")",
            history.reportingCatchUp(),
            plain,
            "–",
            false,
            IssueFigures.REPORTING_CATCH_UP));
    rows.add(
        stage(
            "cost rebuild (" + Format.count(history.costRebuild().events()) + " events)",
            history.costRebuild(),
            plain,
            "≥ 50 000 events/s, ≥ 0.25 × plain consumer",
            true,
            IssueFigures.COST_REBUILD));
    HistoryResult.Replay replay = history.reportingReplay();
    boolean met =
        replay.finished()
            && "DONE".equals(replay.state())
            && replay.perSecond() >= Scorecard.REBUILD_PER_SECOND
            && replay.ratioToPlainConsumer() != null
            && replay.ratioToPlainConsumer() >= Scorecard.REBUILD_RATIO;
    rows.add(
        new Row(
            "reporting replay (" + Format.count(replay.recordsRead()) + " records)",
            replay.state()
                + (replay.finished()
                    ? ""
                    : " (not finished within " + Format.seconds(replay.timeoutSeconds()) + ")")
                + ": "
                + Format.rate(replay.perSecond())
                + " over "
                + Format.seconds(
                    replay.serverSeconds() == null ? replay.seconds() : replay.serverSeconds())
                + (replay.equalToLive() == null ? "" : ", equal to live: " + replay.equalToLive())
                + cpu(replay.stackCpuCores())
                + (replay.error() == null ? "" : "; " + replay.error()),
            plain,
            replay.ratioToPlainConsumer() == null
                ? "–"
                : Format.ratio(replay.ratioToPlainConsumer()),
            "≥ 50 000 events/s, ≥ 0.25 × plain consumer",
            Verdict.of(met),
            IssueFigures.REPORTING_REPLAY));
  }

  private static Row stage(
      String figure,
      HistoryResult.Stage stage,
      String plain,
      String target,
      boolean targeted,
      String before) {
    boolean met =
        stage.finished()
            && stage.perSecond() >= Scorecard.REBUILD_PER_SECOND
            && stage.ratioToPlainConsumer() != null
            && stage.ratioToPlainConsumer() >= Scorecard.REBUILD_RATIO;
    return new Row(
        figure,
        Format.rate(stage.perSecond())
            + " ("
            + Format.seconds(stage.seconds())
            + (stage.note() == null ? "" : ", " + stage.note())
            + cpu(stage.stackCpuCores())
            + ")",
        plain,
        stage.ratioToPlainConsumer() == null ? "–" : Format.ratio(stage.ratioToPlainConsumer()),
        target,
        targeted ? Verdict.of(met) : Verdict.NONE,
        before);
  }

  private static String cpu(Double cores) {
    return cores == null ? "" : String.format(Locale.ROOT, "; stack CPU %.2f cores", cores);
  }
}
