package org.forumledger.events.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostLine;
import org.forumledger.events.CostStatus;
import org.forumledger.events.OtherCostRecorded;

/**
 * An {@link OtherCostRecorded}: its lines and their total, 1000 SEK of staff time unless told,
 * effective from 1 January of its year. A status other than {@code AMOUNT} carries no lines.
 */
public final class OtherCostRecordedBuilder
    extends EventBuilder<OtherCostRecorded, OtherCostRecordedBuilder> {

  private final int year;
  private CostStatus status = CostStatus.AMOUNT;
  private final List<CostLine> lines = new ArrayList<>();
  private String reportedUnder;
  private boolean correction;

  OtherCostRecordedBuilder(String forumId, int year) {
    super(forumId);
    this.year = year;
  }

  public OtherCostRecordedBuilder line(CostCategory category, String sek) {
    lines.add(new CostLine(category, new BigDecimal(sek), null, null));
    return this;
  }

  public OtherCostRecordedBuilder staff(String sek) {
    return line(CostCategory.STAFF_TIME, sek);
  }

  public OtherCostRecordedBuilder travel(String sek) {
    return line(CostCategory.TRAVEL, sek);
  }

  /** {@code NONE} or {@code NOT_CALCULATED}: no lines, no total. */
  public OtherCostRecordedBuilder status(CostStatus status) {
    this.status = status;
    return this;
  }

  /** Reported under another forum's inventory reference, e.g. {@code 2.14.6}. */
  public OtherCostRecordedBuilder reportedUnder(String reference) {
    this.status = CostStatus.REPORTED_UNDER;
    this.reportedUnder = reference;
    return this;
  }

  public OtherCostRecordedBuilder correction() {
    this.correction = true;
    return this;
  }

  @Override
  protected LocalDate naturalDate() {
    return LocalDate.of(year, 1, 1);
  }

  @Override
  public OtherCostRecorded payload() {
    if (status != CostStatus.AMOUNT) {
      return new OtherCostRecorded(
          forumId, year, status, List.of(), null, reportedUnder, correction);
    }
    List<CostLine> recorded =
        lines.isEmpty()
            ? List.of(new CostLine(CostCategory.STAFF_TIME, new BigDecimal("1000"), null, null))
            : lines;
    BigDecimal total =
        recorded.stream().map(CostLine::amountSek).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new OtherCostRecorded(forumId, year, status, recorded, total, null, correction);
  }
}
