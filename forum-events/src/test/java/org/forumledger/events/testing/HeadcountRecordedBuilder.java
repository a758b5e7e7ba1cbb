package org.forumledger.events.testing;

import java.time.LocalDate;
import org.forumledger.events.Body;
import org.forumledger.events.CountRange;
import org.forumledger.events.HeadcountRecorded;

/** A {@link HeadcountRecorded}: one person, written "1"; effective from 1 January of its year. */
public final class HeadcountRecordedBuilder
    extends EventBuilder<HeadcountRecorded, HeadcountRecordedBuilder> {

  private final int year;
  private final Body body;
  private CountRange headcount = CountRange.exactly(1);
  private String asWritten;

  HeadcountRecordedBuilder(String forumId, int year, Body body) {
    super(forumId);
    this.year = year;
    this.body = body;
  }

  /** Between min and max people, written as the inventory wrote it ("1-2" unless told). */
  public HeadcountRecordedBuilder people(int min, int max) {
    this.headcount = new CountRange(min, max);
    return this;
  }

  /** No count, only the source's words ("2 per forum"): the count is unknown. */
  public HeadcountRecordedBuilder onlyAsWritten(String asWritten) {
    this.headcount = null;
    this.asWritten = asWritten;
    return this;
  }

  public HeadcountRecordedBuilder asWritten(String asWritten) {
    this.asWritten = asWritten;
    return this;
  }

  @Override
  protected LocalDate naturalDate() {
    return LocalDate.of(year, 1, 1);
  }

  @Override
  public HeadcountRecorded payload() {
    String written =
        asWritten != null
            ? asWritten
            : headcount.min() == headcount.max()
                ? String.valueOf(headcount.min())
                : headcount.min() + "-" + headcount.max();
    return new HeadcountRecorded(forumId, year, body, headcount, written);
  }
}
