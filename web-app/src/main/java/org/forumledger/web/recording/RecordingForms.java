package org.forumledger.web.recording;

import static org.forumledger.web.recording.RecordingForm.Field.checks;
import static org.forumledger.web.recording.RecordingForm.Field.choice;
import static org.forumledger.web.recording.RecordingForm.Field.date;
import static org.forumledger.web.recording.RecordingForm.Field.forumChoice;
import static org.forumledger.web.recording.RecordingForm.Field.longText;
import static org.forumledger.web.recording.RecordingForm.Field.pageChoice;
import static org.forumledger.web.recording.RecordingForm.Field.text;
import static org.forumledger.web.recording.RecordingForm.Field.year;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.forumledger.web.forums.Forum;
import org.forumledger.web.recording.RecordingForm.Write;
import org.springframework.http.HttpMethod;

/** The registrar's forms on a forum's page, in the order they are drawn. */
public final class RecordingForms {

  private static final String[] COST_STATUSES = {
    "AMOUNT", "NONE", "NOT_CALCULATED", "REPORTED_UNDER"
  };

  /** Registering a new forum, the form of its own page; it posts to {@code /forums}. */
  public static final RecordingForm REGISTER =
      new RecordingForm(
          "register",
          null,
          List.of(
              text("name", "register.name", true),
              text("inventoryReference", "register.reference", false),
              text("area", "register.area", true),
              choice("kind", "register.kind", "kind.", "NETWORK", "COLLABORATION"),
              text("convener", "register.convener", false),
              text("purpose", "register.purpose", false)),
          s ->
              new Write(
                  HttpMethod.POST,
                  "",
                  s.body(
                      Set.of(),
                      "inventoryReference",
                      "name",
                      "purpose",
                      "area",
                      "kind",
                      "convener")));

  /** A meeting as recorded or corrected: who, when, how many, the hours and the expenses. */
  private static final List<RecordingForm.Field> MEETING_FIELDS =
      List.of(
          pageChoice("body", "record.body", true),
          date("meetingDate", "record.meetingDate", true),
          text("attendeeCount", "record.attendeeCount", true),
          text("hours", "record.hours", true),
          text("travelSek", "record.travelSek", false),
          text("lodgingSek", "record.lodgingSek", false),
          text("perDiemSek", "record.perDiemSek", false),
          text("electedFeesSek", "record.electedFeesSek", false),
          choice("mode", "record.meetingMode", "mode.", "DIGITAL", "PHYSICAL", "MIXED"));

  private static final Set<String> MEETING_NUMBERS =
      Set.of("attendeeCount", "hours", "travelSek", "lodgingSek", "perDiemSek", "electedFeesSek");

  private static Map<String, Object> meeting(Submission s) {
    Map<String, Object> body =
        s.body(
            MEETING_NUMBERS,
            "body",
            "meetingDate",
            "attendeeCount",
            "hours",
            "travelSek",
            "lodgingSek",
            "perDiemSek",
            "electedFeesSek",
            "mode");
    // an expense left blank is none
    for (String expense : List.of("travelSek", "lodgingSek", "perDiemSek", "electedFeesSek")) {
      if (body.get(expense) == null) {
        body.put(expense, 0);
      }
    }
    return body;
  }

  private static List<RecordingForm.Field> withMeetingChoice(List<RecordingForm.Field> fields) {
    List<RecordingForm.Field> all = new java.util.ArrayList<>();
    all.add(forumChoice("participationId", "record.meetingChoice"));
    all.addAll(fields);
    return List.copyOf(all);
  }

  /**
   * A year's cost rates, the form of the rates page; it puts to {@code /cost-rates/{year}}. One
   * standard travel price may go with them.
   */
  public static final RecordingForm RATES =
      new RecordingForm(
          "rates",
          null,
          List.of(
              year("year", "record.year", true),
              text("hourlySalarySek", "rates.hourlySalarySek", true),
              text("payrollOverheadPercent", "rates.payrollOverheadPercent", true),
              text("source", "rates.source", true),
              text("travelRoute", "rates.travelRoute", false),
              text("travelPriceSek", "rates.travelPriceSek", false)),
          s -> {
            Map<String, Object> body =
                s.body(
                    Set.of("hourlySalarySek", "payrollOverheadPercent"),
                    "hourlySalarySek",
                    "payrollOverheadPercent",
                    "source");
            List<Map<String, Object>> prices = new java.util.ArrayList<>();
            if (!s.value("travelRoute").isEmpty()) {
              Map<String, Object> price = new LinkedHashMap<>();
              price.put("route", s.value("travelRoute"));
              price.put("priceSek", Submission.number(s.value("travelPriceSek")));
              prices.add(price);
            }
            body.put("travelPrices", prices);
            return new Write(HttpMethod.PUT, "/" + s.value("year"), body);
          });

  /** The forms on a forum's page. */
  public static final List<RecordingForm> ALL =
      List.of(
          new RecordingForm(
              "fee",
              "fees",
              List.of(
                  year("fromYear", "record.fromYear", true),
                  text("toYear", "record.toYear", false),
                  choice("status", "record.costStatus", "cost.", COST_STATUSES),
                  text("amount", "record.amount", false),
                  text("currency", "record.currency", false),
                  text("exchangeRate", "record.exchangeRate", false),
                  text("amountSek", "record.feeAmountSek", false),
                  text("reportedUnder", "record.reportedUnder", false)),
              s ->
                  new Write(
                      HttpMethod.PUT,
                      "/fees/" + s.value("fromYear"),
                      s.body(
                          Set.of("amount", "exchangeRate", "amountSek", "toYear"),
                          "status",
                          "amount",
                          "toYear",
                          "currency",
                          "exchangeRate",
                          "amountSek",
                          "reportedUnder"))),
          new RecordingForm(
              "otherCost",
              "other-costs",
              List.of(
                  year("year", "record.year", true),
                  choice("status", "record.costStatus", "cost.", COST_STATUSES),
                  choice(
                      "category",
                      "record.category",
                      "category.",
                      "STAFF_TIME",
                      "TRAVEL",
                      "LODGING",
                      "PER_DIEM",
                      "ARVODE",
                      "OTHER"),
                  text("amountSek", "record.amountSek", false),
                  text("reportedUnder", "record.reportedUnder", false)),
              s -> {
                Map<String, Object> body = s.body(Set.of(), "status", "reportedUnder");
                if (!s.value("amountSek").isEmpty()) {
                  Map<String, Object> line = new LinkedHashMap<>();
                  line.put("category", s.value("category"));
                  line.put("amountSek", Submission.number(s.value("amountSek")));
                  body.put("lines", List.of(line));
                }
                return new Write(HttpMethod.PUT, "/other-costs/" + s.value("year"), body);
              }),
          new RecordingForm(
              "status",
              "status",
              List.of(
                  choice(
                      "status",
                      "record.newStatus",
                      "status.",
                      "ACTIVE",
                      "PAUSED",
                      "INACTIVE",
                      "ENDED")),
              s -> new Write(HttpMethod.PUT, "/status", s.body(Set.of(), "status"))),
          new RecordingForm(
              "details",
              "details",
              List.of(
                  text("name", "register.name", true),
                  text("purpose", "register.purpose", false),
                  text("convener", "register.convener", false),
                  optionalChoice(
                      "scope", "record.scope", "scope.", "REGIONAL", "NATIONAL", "INTERNATIONAL"),
                  optionalChoice(
                      "meetingMode", "record.meetingMode", "mode.", "DIGITAL", "PHYSICAL", "MIXED"),
                  text("meetingsMin", "record.meetingsMin", false),
                  text("meetingsMax", "record.meetingsMax", false)),
              s -> {
                Map<String, Object> body =
                    s.body(Set.of(), "name", "purpose", "convener", "scope", "meetingMode");
                range(s, "meetingsMin", "meetingsMax")
                    .ifPresent(r -> body.put("meetingsPerYear", r));
                return new Write(HttpMethod.PUT, "/details", body);
              }),
          new RecordingForm(
              "classification",
              "classification",
              List.of(
                  text("area", "register.area", true),
                  text("subarea", "record.subarea", false),
                  choice("kind", "register.kind", "kind.", "NETWORK", "COLLABORATION"),
                  text("collaborationType", "record.collaborationType", false)),
              s ->
                  new Write(
                      HttpMethod.PUT,
                      "/classification",
                      s.body(Set.of(), "area", "subarea", "kind", "collaborationType"))),
          new RecordingForm(
              "appoint",
              "representatives",
              List.of(
                  text("personName", "record.personName", true),
                  pageChoice("body", "record.body", true),
                  choice(
                      "role",
                      "record.role",
                      "role.",
                      "LEDAMOT",
                      "ERSATTARE",
                      "POLITISK_SEKRETERARE",
                      "TJANSTEPERSON"),
                  date("validFrom", "record.validFrom", true),
                  date("validTo", "record.validTo", false)),
              s ->
                  new Write(
                      HttpMethod.POST,
                      "/representatives",
                      s.body(Set.of(), "personName", "body", "role", "validFrom", "validTo"))),
          new RecordingForm(
              "endAppointment",
              "appointment-endings",
              List.of(
                  forumChoice("appointmentId", "record.appointment"),
                  date("endedOn", "record.endedOn", true)),
              s ->
                  new Write(
                      HttpMethod.PUT,
                      "/representatives/" + s.value("appointmentId") + "/ending",
                      s.body(Set.of(), "endedOn"))),
          new RecordingForm(
              "headcount",
              "headcounts",
              List.of(
                  year("year", "record.year", true),
                  pageChoice("body", "record.body", true),
                  text("headcountMin", "record.headcountMin", true),
                  text("headcountMax", "record.headcountMax", false),
                  text("asWritten", "record.asWritten", false)),
              s -> {
                Map<String, Object> body = s.body(Set.of(), "asWritten");
                range(s, "headcountMin", "headcountMax").ifPresent(r -> body.put("headcount", r));
                return new Write(
                    HttpMethod.PUT, "/headcounts/" + s.value("year") + "/" + s.value("body"), body);
              }),
          new RecordingForm(
              "meeting",
              "participations",
              MEETING_FIELDS,
              s -> new Write(HttpMethod.POST, "/participations", meeting(s))),
          new RecordingForm(
              "correctMeeting",
              "participation-corrections",
              withMeetingChoice(MEETING_FIELDS),
              s ->
                  new Write(
                      HttpMethod.PUT, "/participations/" + s.value("participationId"), meeting(s))),
          new RecordingForm(
              "withdrawMeeting",
              "participation-withdrawals",
              List.of(forumChoice("participationId", "record.meetingChoice")),
              s ->
                  new Write(
                      HttpMethod.DELETE,
                      "/participations/" + s.value("participationId"),
                      s.body(Set.of()))),
          new RecordingForm(
              "goals",
              "goals",
              List.of(
                  pageChoice("body", "record.unit", true),
                  checks("goalIds", "goals.served"),
                  longText("benefitForResidents", "goals.benefit", true)),
              s -> {
                Map<String, Object> body = s.body(Set.of(), "benefitForResidents");
                body.put("goalIds", s.values("goalIds"));
                return new Write(HttpMethod.PUT, "/goals/" + s.value("body"), body);
              }),
          new RecordingForm(
              "withdrawFee",
              "fee-withdrawals",
              List.of(year("fromYear", "record.fromYear", true)),
              s -> new Write(HttpMethod.DELETE, "/fees/" + s.value("fromYear"), s.body(Set.of()))),
          new RecordingForm(
              "withdrawOtherCost",
              "other-cost-withdrawals",
              List.of(year("year", "record.year", true)),
              s ->
                  new Write(
                      HttpMethod.DELETE, "/other-costs/" + s.value("year"), s.body(Set.of()))));

  /** The registry's names of fields that the forms split or nest differently. */
  static final Map<String, String> REGISTRY_FIELDS =
      Map.of(
          "meetingsPerYear", "meetingsMin",
          "meetingsPerYear.min", "meetingsMin",
          "meetingsPerYear.max", "meetingsMax",
          "headcount", "headcountMin",
          "headcount.min", "headcountMin",
          "headcount.max", "headcountMax");

  private RecordingForms() {}

  /**
   * What a form shows when first drawn: the forum's present details and classification, so a
   * revision changes only what the registrar changes.
   */
  public static Map<String, String> defaults(String form, Forum forum) {
    Map<String, String> values = new LinkedHashMap<>();
    switch (form) {
      case "details" -> {
        put(values, "name", forum.name());
        put(values, "purpose", forum.purpose());
        put(values, "convener", forum.convener());
        put(values, "scope", forum.scope());
        put(values, "meetingMode", forum.meetingMode());
        if (forum.meetingsPerYear() != null) {
          put(values, "meetingsMin", String.valueOf(forum.meetingsPerYear().min()));
          put(values, "meetingsMax", String.valueOf(forum.meetingsPerYear().max()));
        }
      }
      case "classification" -> {
        put(values, "area", forum.area());
        put(values, "subarea", forum.subarea());
        put(values, "kind", forum.kind());
        put(values, "collaborationType", forum.collaborationType());
      }
      default -> {}
    }
    return values;
  }

  /** The choices a form takes from the forum: the appointments not yet ended, the meetings. */
  public static Map<String, List<RecordingForm.Option>> choices(Forum forum) {
    return choices(forum, List.of(), List.of());
  }

  /**
   * The choices with those the registry gives: the units a participation can be linked for and the
   * council's goals it can serve.
   */
  public static Map<String, List<RecordingForm.Option>> choices(
      Forum forum, List<RecordingForm.Option> units, List<RecordingForm.Option> goals) {
    return Map.of(
        "body",
        units,
        "goalIds",
        goals,
        "participationId",
        forum.participations().stream()
            .map(
                m ->
                    new RecordingForm.Option(
                        m.participationId(),
                        null,
                        m.meetingDate() + " " + m.body() + " (" + m.participationId() + ")"))
            .toList(),
        "appointmentId",
        forum.appointments().stream()
            .filter(a -> a.endedOn() == null)
            .map(
                a ->
                    new RecordingForm.Option(
                        a.appointmentId(),
                        null,
                        a.personName() + " (" + a.body() + ", " + a.role() + ")"))
            .toList());
  }

  private static void put(Map<String, String> values, String field, String value) {
    if (value != null) {
      values.put(field, value);
    }
  }

  public static Optional<RecordingForm> byAction(String action) {
    return ALL.stream().filter(form -> form.action().equals(action)).findFirst();
  }

  /** A select that may be left as it is: its first choice is none. */
  private static RecordingForm.Field optionalChoice(
      String name, String labelKey, String prefix, String... values) {
    RecordingForm.Field field = choice(name, labelKey, prefix, values);
    List<RecordingForm.Option> options = new java.util.ArrayList<>();
    options.add(new RecordingForm.Option("", "record.none", null));
    options.addAll(field.options());
    return new RecordingForm.Field(name, "choice", labelKey, false, null, List.copyOf(options));
  }

  /** A count range from a minimum and an optional maximum (the minimum when left blank). */
  private static Optional<Map<String, Object>> range(Submission s, String min, String max) {
    if (s.value(min).isEmpty() && s.value(max).isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> range = new LinkedHashMap<>();
    range.put("min", s.value(min).isEmpty() ? null : s.value(min));
    range.put("max", s.value(max).isEmpty() ? s.value(min) : s.value(max));
    return Optional.of(range);
  }
}
