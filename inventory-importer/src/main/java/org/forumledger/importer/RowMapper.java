package org.forumledger.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.forumledger.events.Body;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostStatus;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.Scope;
import org.forumledger.importer.RegistryBodies.ChangeStatus;
import org.forumledger.importer.RegistryBodies.CostLine;
import org.forumledger.importer.RegistryBodies.Fee;
import org.forumledger.importer.RegistryBodies.Headcount;
import org.forumledger.importer.RegistryBodies.OtherCost;
import org.forumledger.importer.RegistryBodies.Range;
import org.forumledger.importer.RegistryBodies.RegisterForum;
import org.forumledger.importer.RowPlan.Step;

/**
 * Validates one inventory row and turns it into the registry writes it stands for. Validation is
 * complete before anything is planned, so a malformed row sends nothing at all.
 *
 * <p>Decisions (see data/README.md for the columns):
 *
 * <ul>
 *   <li>Amounts are tkr as printed; SEK = tkr × 1000, exact.
 *   <li>A fee in another currency is kept as the SEK figure the report prints, with the original
 *       amount named in the reason: the report states no exchange rate, and the registry would
 *       otherwise need one.
 *   <li>A fee's {@code toYear} is {@code agreement_to} when the row has one, else none (the fee
 *       recurs while the forum is active); projecting later years is the cost service's job.
 *   <li>An other cost is one line of category OTHER: the report does not split it.
 *   <li>Meetings per year are sent only when both bounds are stated.
 * </ul>
 */
final class RowMapper {

  static final int YEAR = 2023;
  static final LocalDate EFFECTIVE_DATE = LocalDate.of(YEAR, 1, 1);
  static final String DECISION_REFERENCE = "SLK-2023-01081";
  static final String KEY_PREFIX = "inventory-2023/";

  private static final Pattern SECTION = Pattern.compile("\\d+(\\.\\d+)+");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int SEK_DECIMALS = 2;

  /** The outcome for one row: a plan, or what is wrong with it (never both). */
  record Mapping(RowPlan plan, List<String> errors) {

    Mapping {
      errors = List.copyOf(errors);
    }

    boolean valid() {
      return errors.isEmpty();
    }

    /** "line N: section S: what is wrong; what else is wrong". */
    String problem(InventoryRow row) {
      return "line "
          + row.line()
          + ": section "
          + row.sectionForMessages()
          + ": "
          + String.join("; ", errors);
    }
  }

  private final InventoryRow row;
  private final List<String> errors = new ArrayList<>();

  private RowMapper(InventoryRow row) {
    this.row = row;
  }

  static Mapping map(InventoryRow row, Set<String> sectionsSeenBefore) {
    return new RowMapper(row).map(sectionsSeenBefore);
  }

  static Mapping map(InventoryRow row) {
    return map(row, Set.of());
  }

  static String reason(String section) {
    return "Inventory 2023 (" + DECISION_REFERENCE + "), section " + section;
  }

  private Mapping map(Set<String> sectionsSeenBefore) {
    if (row.fieldCount() != InventoryCsv.COLUMNS.size()) {
      errors.add("has " + row.fieldCount() + " fields, expected " + InventoryCsv.COLUMNS.size());
    }
    String section = text("section", 40, true);
    if (section != null && !SECTION.matcher(section).matches()) {
      errors.add("section '" + section + "' is not a section number like 2.2.10");
    }
    if (section != null && sectionsSeenBefore.contains(section)) {
      errors.add("section " + section + " appears earlier in the file");
    }
    String name = text("name", 300, true);
    String area = text("area", 200, true);
    String subarea = text("subarea", 200, false);
    ForumKind kind = enumValue("kind", ForumKind.class, true);
    String collaborationType = text("collaboration_type", 100, false);
    if (collaborationType != null && kind == ForumKind.NETWORK) {
      errors.add("collaboration_type '" + collaborationType + "' is only for a COLLABORATION");
    }
    String convener = text("convener", 200, false);
    Scope scope = enumValue("scope", Scope.class, false);
    Range meetings = optionalRange("meetings_min", "meetings_max", false);
    MeetingMode mode = enumValue("meeting_mode", MeetingMode.class, false);

    Range slk = optionalRange("slk_min", "slk_max", true);
    String slkAsWritten = text("slk_as_written", 100, false);
    Integer ks = count("ks_count");
    String ksAsWritten = text("ks_as_written", 100, false);

    Integer agreementFrom = year("agreement_from");
    Integer agreementTo = year("agreement_to");
    if (agreementFrom != null && agreementTo != null && agreementFrom > agreementTo) {
      errors.add("agreement_from " + agreementFrom + " is after agreement_to " + agreementTo);
    }
    if (agreementTo != null && agreementTo < YEAR) {
      errors.add("agreement_to " + agreementTo + " ends before the inventory year " + YEAR);
    }
    Fee fee = section == null ? null : fee(section, agreementTo);
    OtherCost otherCost = section == null ? null : otherCost(section);
    ForumStatus status = enumValue("status", ForumStatus.class, true);

    if (!errors.isEmpty()) {
      return new Mapping(null, errors);
    }
    String reason = reason(section);
    RegisterForum register =
        new RegisterForum(
            section,
            name,
            null,
            area,
            subarea,
            kind,
            collaborationType,
            convener,
            scope,
            meetings,
            mode,
            EFFECTIVE_DATE,
            reason,
            DECISION_REFERENCE);
    List<Step> steps = new ArrayList<>();
    // a figure the source gives only in words ("2 per forum") is kept as written, count unknown
    if (slk != null || slkAsWritten != null) {
      steps.add(headcount(section, Body.SLK, slk, slkAsWritten));
    }
    if (ks != null || ksAsWritten != null) {
      steps.add(headcount(section, Body.KS, ks == null ? null : new Range(ks, ks), ksAsWritten));
    }
    steps.add(new Step("fees/" + YEAR, fee, key(section, "fee-" + YEAR)));
    steps.add(new Step("other-costs/" + YEAR, otherCost, key(section, "other-cost-" + YEAR)));
    if (status != ForumStatus.ACTIVE) {
      steps.add(
          new Step(
              "status",
              new ChangeStatus(status, EFFECTIVE_DATE, reason, DECISION_REFERENCE),
              key(section, "status")));
    }
    return new Mapping(
        new RowPlan(row.line(), section, register, key(section, "register"), steps), List.of());
  }

  private static Step headcount(String section, Body body, Range range, String asWritten) {
    return new Step(
        "headcounts/" + YEAR + "/" + body,
        new Headcount(range, asWritten, EFFECTIVE_DATE, reason(section), DECISION_REFERENCE),
        key(section, "headcount-" + YEAR + "-" + body));
  }

  private Fee fee(String section, Integer agreementTo) {
    CostStatus status = enumValue("fee_status", CostStatus.class, true);
    String reason = reason(section);
    if (status == null) {
      return null;
    }
    if (status != CostStatus.AMOUNT) {
      for (String column :
          List.of(
              "fee_tkr",
              "fee_basis",
              "fee_currency",
              "fee_original_amount",
              "fee_rate_per_inhabitant",
              "project_total_tkr")) {
        mustBeEmpty(column, "fee_status is " + status);
      }
      String reportedUnder = reportedUnder("fee_reported_under", status);
      return new Fee(
          agreementTo,
          status,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          reportedUnder,
          EFFECTIVE_DATE,
          reason,
          DECISION_REFERENCE);
    }
    mustBeEmpty("fee_reported_under", "fee_status is AMOUNT");
    BigDecimal amountSek = sek("fee_tkr", true);
    FeeBasis basis = enumValue("fee_basis", FeeBasis.class, false);
    if (basis == null) {
      basis = FeeBasis.FIXED;
    }
    BigDecimal rate = decimal("fee_rate_per_inhabitant", basis == FeeBasis.PER_INHABITANT);
    if (rate != null && rate.stripTrailingZeros().scale() > SEK_DECIMALS) {
      errors.add(
          "fee_rate_per_inhabitant " + rate + " has more than " + SEK_DECIMALS + " decimals");
    }
    if (rate != null && basis != FeeBasis.PER_INHABITANT) {
      errors.add("fee_rate_per_inhabitant is set but fee_basis is " + basis);
    }
    BigDecimal projectTotalSek = sek("project_total_tkr", basis == FeeBasis.PROJECT_SHARE);
    if (projectTotalSek != null && basis != FeeBasis.PROJECT_SHARE) {
      errors.add("project_total_tkr is set but fee_basis is " + basis);
    }
    String currency = text("fee_currency", 3, false);
    currency = currency == null ? "SEK" : currency.toUpperCase(Locale.ROOT);
    if (!CURRENCY.matcher(currency).matches()) {
      errors.add("fee_currency '" + currency + "' is not an ISO 4217 code");
    }
    BigDecimal original = decimal("fee_original_amount", !currency.equals("SEK"));
    if (original != null && currency.equals("SEK")) {
      errors.add("fee_original_amount is set but the fee is in SEK");
    }
    boolean foreign = !currency.equals("SEK");
    if (foreign && original != null && amountSek != null) {
      // the report prints both figures and no rate: the registry keeps both, the rate implied
      reason =
          reason
              + ". The report prints "
              + row.get("fee_tkr")
              + " tkr for "
              + original.toPlainString()
              + " "
              + currency
              + " a year and states no exchange rate; the rate is the one the two imply";
    }
    return new Fee(
        agreementTo,
        CostStatus.AMOUNT,
        foreign ? original : amountSek,
        currency,
        null,
        foreign ? amountSek : null,
        basis,
        basis == FeeBasis.PER_INHABITANT ? rate : null,
        null,
        basis == FeeBasis.PROJECT_SHARE ? projectTotalSek : null,
        null,
        EFFECTIVE_DATE,
        reason,
        DECISION_REFERENCE);
  }

  private OtherCost otherCost(String section) {
    CostStatus status = enumValue("other_cost_status", CostStatus.class, true);
    if (status == null) {
      return null;
    }
    List<CostLine> lines = List.of();
    if (status == CostStatus.AMOUNT) {
      BigDecimal amountSek = sek("other_cost_tkr", true);
      if (amountSek != null) {
        lines = List.of(new CostLine(CostCategory.OTHER, amountSek, null, null));
      }
    } else {
      mustBeEmpty("other_cost_tkr", "other_cost_status is " + status);
    }
    String reportedUnder = reportedUnder("other_cost_reported_under", status);
    return new OtherCost(
        status, lines, reportedUnder, EFFECTIVE_DATE, reason(section), DECISION_REFERENCE);
  }

  private String reportedUnder(String column, CostStatus status) {
    if (status != CostStatus.REPORTED_UNDER) {
      mustBeEmpty(column, "the status is " + status);
      return null;
    }
    String section = text(column, 40, true);
    if (section != null && !SECTION.matcher(section).matches()) {
      errors.add(column + " '" + section + "' is not a section number");
    }
    return section;
  }

  private String text(String column, int maxLength, boolean required) {
    String value = row.get(column);
    if (value == null) {
      if (required) {
        errors.add(column + " is required");
      }
      return null;
    }
    if (value.length() > maxLength) {
      errors.add(column + " is longer than " + maxLength + " characters");
    }
    return value;
  }

  private <E extends Enum<E>> E enumValue(String column, Class<E> type, boolean required) {
    String value = text(column, 100, required);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      List<String> allowed =
          java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
      errors.add(column + " '" + value + "' is not one of " + String.join(", ", allowed));
      return null;
    }
  }

  private BigDecimal decimal(String column, boolean required) {
    String value = text(column, 40, required);
    if (value == null) {
      return null;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value);
    } catch (NumberFormatException e) {
      errors.add(column + " '" + value + "' is not a decimal number");
      return null;
    }
    if (number.signum() < 0) {
      errors.add(column + " " + value + " is negative");
      return null;
    }
    return number;
  }

  /** A tkr column as exact SEK: the printed tkr with the point moved three places. */
  private BigDecimal sek(String column, boolean required) {
    BigDecimal tkr = decimal(column, required);
    if (tkr == null) {
      return null;
    }
    BigDecimal sek = tkr.movePointRight(3);
    if (sek.stripTrailingZeros().scale() > SEK_DECIMALS) {
      errors.add(column + " " + tkr.toPlainString() + " is finer than öre");
      return null;
    }
    return sek;
  }

  private Integer count(String column) {
    String value = text(column, 10, false);
    if (value == null) {
      return null;
    }
    try {
      int count = Integer.parseInt(value);
      if (count < 0) {
        errors.add(column + " " + value + " is negative");
        return null;
      }
      return count;
    } catch (NumberFormatException e) {
      errors.add(column + " '" + value + "' is not a whole number");
      return null;
    }
  }

  private Integer year(String column) {
    Integer year = count(column);
    if (year != null && (year < 1900 || year > 2200)) {
      errors.add(column + " " + year + " is not a plausible year");
      return null;
    }
    return year;
  }

  /**
   * A range from two count columns. Meetings are sent only when both bounds are stated (a maximum
   * may be open, "vid behov"); participant counts must have both or neither.
   */
  private Range optionalRange(String minColumn, String maxColumn, boolean bothOrNeither) {
    Integer min = count(minColumn);
    Integer max = count(maxColumn);
    if (min != null && max != null) {
      if (min > max) {
        errors.add(minColumn + " " + min + " is greater than " + maxColumn + " " + max);
        return null;
      }
      return new Range(min, max);
    }
    if (bothOrNeither && (min != null || max != null)) {
      errors.add(minColumn + " and " + maxColumn + " must both be set or both be empty");
    }
    return null;
  }

  private void mustBeEmpty(String column, String because) {
    if (row.get(column) != null) {
      errors.add(column + " must be empty when " + because);
    }
  }

  private static String key(String section, String step) {
    return KEY_PREFIX + section + "/" + step;
  }
}
