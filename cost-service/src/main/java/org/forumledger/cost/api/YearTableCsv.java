package org.forumledger.cost.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.forumledger.cost.api.CostViews.CategoryAmount;
import org.forumledger.cost.api.CostViews.ForumYearView;
import org.forumledger.cost.projection.FigureStatus;
import org.forumledger.events.CostCategory;

/**
 * The year table as RFC 4180 CSV (comma, CRLF, quotes doubled), exact SEK plus tkr columns. {@code
 * total_status} says what {@code total_sek} is: {@code AMOUNT}, the sum of the row's fee and other
 * cost; {@code NOT_CALCULATED}, when either of the two is not calculated, and then {@code
 * total_sek} and {@code total_tkr} are empty: a sum that lacks a part would read as the cost.
 */
final class YearTableCsv {

  private static final List<String> HEADER =
      List.of(
          "year",
          "inventory_reference",
          "forum_id",
          "name",
          "area",
          "convener",
          "kind",
          "counted",
          "fee_status",
          "fee_sek",
          "fee_tkr",
          "fee_currency",
          "fee_original_amount",
          "fee_exchange_rate",
          "fee_basis",
          "fee_reported_under",
          "other_cost_status",
          "other_cost_sek",
          "other_cost_tkr",
          "other_cost_reported_under",
          "staff_time_sek",
          "travel_sek",
          "lodging_sek",
          "per_diem_sek",
          "arvode_sek",
          "other_sek",
          "total_status",
          "total_sek",
          "total_tkr");

  private YearTableCsv() {}

  static String write(List<ForumYearView> rows) {
    StringBuilder out = new StringBuilder();
    line(out, HEADER);
    for (ForumYearView r : rows) {
      Map<CostCategory, BigDecimal> categories = new java.util.EnumMap<>(CostCategory.class);
      for (CategoryAmount c : r.otherCost().byCategory()) {
        categories.put(c.category(), c.amountSek());
      }
      boolean notCalculated =
          r.annualFee().status() == FigureStatus.NOT_CALCULATED
              || r.otherCost().status() == FigureStatus.NOT_CALCULATED;
      line(
          out,
          List.of(
              String.valueOf(r.year()),
              text(r.inventoryReference()),
              text(r.forumId()),
              text(r.name()),
              text(r.area()),
              text(r.convener()),
              text(r.kind()),
              String.valueOf(r.counted()),
              r.annualFee().status().name(),
              number(r.annualFee().amountSek()),
              number(r.annualFee().amountTkr()),
              text(r.annualFee().currency()),
              number(r.annualFee().originalAmount()),
              number(r.annualFee().exchangeRate()),
              r.annualFee().basis() == null ? "" : r.annualFee().basis().name(),
              text(r.annualFee().reportedUnder()),
              r.otherCost().status().name(),
              number(r.otherCost().totalSek()),
              number(r.otherCost().totalTkr()),
              text(r.otherCost().reportedUnder()),
              number(categories.get(CostCategory.STAFF_TIME)),
              number(categories.get(CostCategory.TRAVEL)),
              number(categories.get(CostCategory.LODGING)),
              number(categories.get(CostCategory.PER_DIEM)),
              number(categories.get(CostCategory.ARVODE)),
              number(categories.get(CostCategory.OTHER)),
              notCalculated ? FigureStatus.NOT_CALCULATED.name() : FigureStatus.AMOUNT.name(),
              notCalculated ? "" : number(r.totalSek()),
              notCalculated ? "" : number(r.totalTkr())));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(cells.get(i)));
    }
    out.append("\r\n");
  }

  private static String quote(String cell) {
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }

  /** Free text, with a leading formula character neutralised so a spreadsheet shows it as text. */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  private static String number(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }
}
