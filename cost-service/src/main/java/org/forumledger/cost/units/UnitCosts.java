package org.forumledger.cost.units;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.forumledger.cost.projection.Figure;
import org.forumledger.cost.projection.FigureStatus;
import org.forumledger.cost.projection.ForumFacts;
import org.forumledger.cost.projection.ForumYear;
import org.forumledger.cost.projection.ParticipationFact;
import org.forumledger.cost.projection.ProjectionRules;
import org.forumledger.cost.projection.Provenance;
import org.forumledger.cost.projection.RatesFact;
import org.forumledger.cost.projection.YearTotals;
import org.forumledger.events.AppointmentEnded;
import org.forumledger.events.Body;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumGoalsLinked;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.ParticipationCost;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.events.TakingPart;
import org.forumledger.events.UnitRegistered;
import org.forumledger.events.UnitRevised;

/**
 * What each unit's participation costs in a year, as plain code over the year's actual figures
 * ({@link ProjectionRules#actual}, the figures of the year totals):
 *
 * <ul>
 *   <li>{@link #TAKING_PART}: the units taking part in a forum in the year are those {@link
 *       TakingPart} gives (an appointment that runs, a headcount above zero or unknown, a meeting,
 *       a goal link);
 *   <li>{@link #OWN_MEETINGS}: where a forum-year's other costs are derived from its meetings, each
 *       unit's own meetings, priced by {@link ParticipationCost} at the year's recorded cost rates,
 *       are that unit's;
 *   <li>{@link #SOLE_UNIT}: the forum-level figures (the fee, and the other costs where they are an
 *       estimate of the forum's) of a forum only one unit takes part in are that unit's;
 *   <li>{@link #SHARED_NOT_APPORTIONED}: those of a forum several units take part in are listed as
 *       shared by them and attributed to none: the ledger records no key to split them by;
 *   <li>{@link #NO_UNIT}: those of a forum no unit takes part in are nobody's.
 * </ul>
 *
 * <p>A figure not calculated is counted, never summed; a cost reported under another forum is
 * summed there only, as in the totals. The attributed, shared and no-unit amounts add up to the
 * year's totals exactly, and every forum not calculated in the totals is counted in one of them.
 */
public final class UnitCosts {

  public static final String TAKING_PART = "unit.taking-part";
  public static final String OWN_MEETINGS = "unit.own-meetings";
  public static final String SOLE_UNIT = "unit.sole-unit-taking-part";
  public static final String SHARED_NOT_APPORTIONED = "unit.shared-not-apportioned";
  public static final String NO_UNIT = "unit.no-unit-taking-part";

  /** How a part of a forum's cost falls to units. */
  public enum Attribution {
    /** The unit's own: its meetings, or a forum-level figure of a forum it alone takes part in. */
    ATTRIBUTED,
    /** A forum-level figure of a forum several units take part in, not split among them. */
    SHARED_NOT_APPORTIONED,
    /** A forum-level figure of a forum no unit takes part in. */
    NO_UNIT
  }

  /**
   * One part of a forum-year's cost and to whom it falls.
   *
   * @param figureRule the projection rule that gave the forum's figure (e.g. {@code
   *     totals.fee-covering-year}, {@code other.from-participation})
   * @param amountSek null when not calculated, reported elsewhere or not recorded
   */
  public record Part(
      Attribution attribution,
      String rule,
      String figureRule,
      FigureStatus status,
      BigDecimal amountSek,
      String explanation,
      List<Provenance> facts) {

    public Part {
      facts = facts == null ? List.of() : List.copyOf(facts);
    }

    public BigDecimal summable() {
      return status == FigureStatus.AMOUNT && amountSek != null ? amountSek : BigDecimal.ZERO;
    }

    public boolean notCalculated() {
      return status == FigureStatus.NOT_CALCULATED;
    }
  }

  /**
   * A forum in the year with the units taking part and its parts.
   *
   * @param takingPart the units taking part, each with the facts that make it take part
   * @param fee the forum's fee, as a whole
   * @param otherCost the forum's other costs as a whole when they are an estimate of the forum's;
   *     null when they are derived from meetings (then {@code meetings} holds each unit's part)
   * @param meetings each unit's own meetings' part, by unit, empty without meetings
   */
  public record ForumParts(
      ForumYear row,
      Map<Body, List<Provenance>> takingPart,
      Part fee,
      Part otherCost,
      Map<Body, Part> meetings) {

    public SortedSet<Body> units() {
      SortedSet<Body> units = new TreeSet<>(TakingPart.BY_CODE);
      units.addAll(takingPart.keySet());
      return units;
    }

    /** Whether anything of this forum-year is not calculated. */
    public boolean notCalculated() {
      return fee.notCalculated()
          || (otherCost != null && otherCost.notCalculated())
          || meetings.values().stream().anyMatch(Part::notCalculated);
    }

    /** The parts that are {@code unit}'s own, or shared with it. */
    public List<Part> partsOf(Body unit) {
      List<Part> parts = new ArrayList<>();
      if (!takingPart.containsKey(unit)) {
        return parts;
      }
      parts.add(fee);
      if (otherCost != null) {
        parts.add(otherCost);
      }
      Part own = meetings.get(unit);
      if (own != null) {
        parts.add(own);
      }
      return parts;
    }
  }

  /** A registered unit (its latest details), or one only named by a fact. */
  public record Unit(Body code, UnitRegistered registered) {

    public String name() {
      return registered == null ? null : registered.name();
    }

    public String kind() {
      return registered == null || registered.kind() == null ? null : registered.kind().name();
    }
  }

  /** The year's forums split by unit, beside the year's totals they add up to. */
  public record Year(int year, YearTotals totals, List<ForumParts> forums, Map<Body, Unit> units) {

    /** The forums {@code unit} takes part in, in inventory order. */
    public List<ForumParts> forumsOf(Body unit) {
      return forums.stream().filter(f -> f.takingPart().containsKey(unit)).toList();
    }

    /** The units taking part in some forum in the year, in code order. */
    public SortedSet<Body> unitsTakingPart() {
      SortedSet<Body> all = new TreeSet<>(TakingPart.BY_CODE);
      forums.forEach(f -> all.addAll(f.takingPart().keySet()));
      return all;
    }

    /** A unit registered, or named by a fact of any forum (known before units were registered). */
    public Optional<Unit> known(Body code) {
      return Optional.ofNullable(units.get(code));
    }

    /** What is {@code unit}'s own: its meetings, and the forums it alone takes part in. */
    public Sums attributedTo(Body unit) {
      return Sums.of(
          forumsOf(unit),
          f ->
              f.partsOf(unit).stream()
                  .filter(p -> p.attribution() == Attribution.ATTRIBUTED)
                  .toList());
    }

    /** The forum-level figures of the forums {@code unit} shares with other units, not split. */
    public Sums sharedBy(Body unit) {
      return Sums.of(forumsOf(unit), f -> shared(f));
    }

    /** The forum-level figures of every forum several units take part in, each forum once. */
    public Sums shared() {
      return Sums.of(forums, f -> shared(f));
    }

    /** The forum-level figures of the forums no unit takes part in. */
    public Sums noUnit() {
      return Sums.of(
          forums,
          f -> forumLevel(f).stream().filter(p -> p.attribution() == Attribution.NO_UNIT).toList());
    }

    /** Every unit's own: the sum of {@link #attributedTo} over the units taking part. */
    public Sums attributed() {
      return Sums.of(
          forums,
          f -> {
            List<Part> own = new ArrayList<>(f.meetings().values());
            forumLevel(f).stream()
                .filter(p -> p.attribution() == Attribution.ATTRIBUTED)
                .forEach(own::add);
            return own;
          });
    }

    /** The forums of the year with anything not calculated, each once: the totals' count. */
    public int notCalculatedForums() {
      return (int) forums.stream().filter(ForumParts::notCalculated).count();
    }

    private static List<Part> shared(ForumParts f) {
      return forumLevel(f).stream()
          .filter(p -> p.attribution() == Attribution.SHARED_NOT_APPORTIONED)
          .toList();
    }

    private static List<Part> forumLevel(ForumParts f) {
      return f.otherCost() == null ? List.of(f.fee()) : List.of(f.fee(), f.otherCost());
    }
  }

  /**
   * Sums of parts over forums: amounts summed, a forum with a part not calculated counted once.
   *
   * @param forumCount the forums with at least one part summed here
   */
  public record Sums(
      int forumCount, BigDecimal feeSek, BigDecimal otherCostSek, int notCalculatedCount) {

    public BigDecimal totalSek() {
      return feeSek.add(otherCostSek);
    }

    static Sums of(List<ForumParts> forums, Function<ForumParts, List<Part>> parts) {
      int count = 0;
      int notCalculated = 0;
      BigDecimal fee = BigDecimal.ZERO;
      BigDecimal other = BigDecimal.ZERO;
      for (ForumParts f : forums) {
        List<Part> these = parts.apply(f);
        if (these.isEmpty()) {
          continue;
        }
        count++;
        if (these.stream().anyMatch(Part::notCalculated)) {
          notCalculated++;
        }
        for (Part p : these) {
          if (p == f.fee()) {
            fee = fee.add(p.summable());
          } else {
            other = other.add(p.summable());
          }
        }
      }
      return new Sums(count, fee, other, notCalculated);
    }
  }

  private final ProjectionRules rules;

  public UnitCosts(ProjectionRules rules) {
    this.rules = rules;
  }

  /**
   * The year's forums split by unit.
   *
   * @param unitFacts every stored fact about units (see {@link UnitFact})
   */
  public Year of(List<ForumFacts> forums, List<UnitFact> unitFacts, int year) {
    Map<String, List<UnitFact>> byForum = new LinkedHashMap<>();
    Map<Body, Unit> units = new TreeMap<>(TakingPart.BY_CODE);
    Map<Body, UnitRegistered> registered = new TreeMap<>(TakingPart.BY_CODE);
    for (UnitFact fact : unitFacts) {
      if (fact.event() instanceof UnitRegistered e) {
        registered.merge(e.unit(), e, (before, now) -> now);
      } else if (fact.event() instanceof UnitRevised e) {
        registered.computeIfPresent(e.unit(), (code, before) -> before.revisedBy(e));
      } else if (fact.forumId() != null) {
        byForum.computeIfAbsent(fact.forumId(), id -> new ArrayList<>()).add(fact);
      }
    }
    registered.forEach((code, unit) -> units.put(code, new Unit(code, unit)));
    YearTotals totals = rules.actualYear(forums, year);
    List<ForumParts> parts = new ArrayList<>();
    for (ForumYear row : totals.forums()) {
      List<UnitFact> facts = byForum.getOrDefault(row.forum().forumId(), List.of());
      facts.forEach(f -> namedBody(f).ifPresent(b -> units.putIfAbsent(b, new Unit(b, null))));
      row.forum()
          .participations()
          .forEach(p -> units.putIfAbsent(p.record().body(), new Unit(p.record().body(), null)));
      ForumParts forum = split(row, facts, year);
      if (!forum.takingPart().isEmpty()
          || forum.row().counted()
          || forum.notCalculated()
          || row.fee().status() != FigureStatus.NO_RECORD
          || row.otherCost().status() != FigureStatus.NO_RECORD) {
        parts.add(forum);
      }
    }
    return new Year(year, totals, List.copyOf(parts), units);
  }

  private ForumParts split(ForumYear row, List<UnitFact> facts, int year) {
    ForumFacts forum = row.forum();
    Map<Body, List<Provenance>> takingPart = takingPart(forum, facts, year);
    String ref = forum.inventoryReference() == null ? forum.forumId() : forum.inventoryReference();
    boolean fromMeetings = ProjectionRules.OTHER_FROM_PARTICIPATION.equals(row.otherCost().rule());
    Part fee = forumLevel(row.fee(), takingPart.keySet(), ref, year, "fee");
    Part other =
        fromMeetings
            ? null
            : forumLevel(row.otherCost(), takingPart.keySet(), ref, year, "other costs");
    Map<Body, Part> meetings = new TreeMap<>(TakingPart.BY_CODE);
    if (fromMeetings) {
      Map<Body, List<ParticipationFact>> byUnit = new TreeMap<>(TakingPart.BY_CODE);
      forum
          .participations(year)
          .forEach(p -> byUnit.computeIfAbsent(p.record().body(), b -> new ArrayList<>()).add(p));
      Optional<RatesFact> rates = forum.ratesOf(year);
      byUnit.forEach((unit, own) -> meetings.put(unit, ownMeetings(unit, own, rates, ref, year)));
    }
    return new ForumParts(row, takingPart, fee, other, meetings);
  }

  /**
   * Each unit taking part in the forum in the year, with the facts that make it take part: every
   * fact of the unit that alone (an appointment with its end) makes it take part by {@link
   * TakingPart}.
   */
  static Map<Body, List<Provenance>> takingPart(ForumFacts forum, List<UnitFact> facts, int year) {
    List<ForumEvent> events = new ArrayList<>();
    Map<ForumEvent, Provenance> sources = new LinkedHashMap<>();
    Map<String, ForumEvent> ends = new LinkedHashMap<>();
    for (UnitFact fact : facts) {
      if (fact.event() instanceof ForumEvent e) {
        events.add(e);
        sources.put(e, fact.source());
        if (e instanceof AppointmentEnded ended) {
          ends.put(ended.appointmentId(), ended);
        }
      }
    }
    for (ParticipationFact meeting : forum.participations()) {
      events.add(meeting.record());
      sources.put(meeting.record(), meeting.source());
    }
    SortedSet<Body> units = TakingPart.inYear(events, year);
    Map<Body, List<Provenance>> result = new TreeMap<>(TakingPart.BY_CODE);
    units.forEach(u -> result.put(u, new ArrayList<>()));
    sources.forEach(
        (event, source) -> {
          if (event instanceof AppointmentEnded) {
            return;
          }
          List<ForumEvent> alone = new ArrayList<>();
          alone.add(event);
          if (event instanceof RepresentativeAppointed a && ends.containsKey(a.appointmentId())) {
            alone.add(ends.get(a.appointmentId()));
          }
          TakingPart.inYear(alone, year).stream()
              .filter(result::containsKey)
              .forEach(u -> result.get(u).add(source));
        });
    Map<Body, List<Provenance>> frozen = new TreeMap<>(TakingPart.BY_CODE);
    result.forEach((u, s) -> frozen.put(u, List.copyOf(s)));
    return frozen;
  }

  private static Part forumLevel(
      Figure figure, Set<Body> units, String ref, int year, String what) {
    Attribution attribution;
    String rule;
    String why;
    if (units.size() == 1) {
      Body only = units.iterator().next();
      attribution = Attribution.ATTRIBUTED;
      rule = SOLE_UNIT;
      why =
          only
              + " is the only unit taking part in "
              + ref
              + " in "
              + year
              + ": the forum's "
              + what
              + " are "
              + only
              + "'s";
    } else if (units.isEmpty()) {
      attribution = Attribution.NO_UNIT;
      rule = NO_UNIT;
      why =
          "No unit takes part in "
              + ref
              + " in "
              + year
              + ": the forum's "
              + what
              + " fall to no unit";
    } else {
      attribution = Attribution.SHARED_NOT_APPORTIONED;
      rule = SHARED_NOT_APPORTIONED;
      why =
          String.join(", ", units.stream().map(Body::code).sorted().toList())
              + " take part in "
              + ref
              + " in "
              + year
              + ": the forum's "
              + what
              + " are shared by them, not apportioned (no key to split them by is recorded)";
    }
    if (what.equals("fee")) {
      why = why.replace("the forum's fee are", "the forum's fee is");
    }
    return new Part(
        attribution,
        rule,
        figure.rule(),
        figure.status(),
        figure.amountSek(),
        why + "; " + figure.explanation(),
        figure.facts());
  }

  private static Part ownMeetings(
      Body unit, List<ParticipationFact> own, Optional<RatesFact> rates, String ref, int year) {
    ParticipationCost.Derivation d =
        ParticipationCost.derive(
            year,
            own.stream().map(ParticipationFact::record).toList(),
            rates.map(RatesFact::rates).orElse(null));
    List<Provenance> facts = new ArrayList<>();
    own.forEach(m -> facts.add(m.source()));
    rates.ifPresent(r -> facts.add(r.source()));
    StringBuilder explanation =
        new StringBuilder()
            .append(own.size())
            .append(own.size() == 1 ? " meeting of " : " meetings of ")
            .append(unit)
            .append(" in ")
            .append(ref)
            .append(" recorded for ")
            .append(year)
            .append(", ")
            .append(unit)
            .append("'s own: ")
            .append(d.rule());
    if (!d.derived()) {
      explanation.append("; not calculated: ").append(d.reason());
    }
    for (ParticipationCost.MeetingCost meeting : d.meetings()) {
      explanation.append("; ").append(meeting.describe());
    }
    return new Part(
        Attribution.ATTRIBUTED,
        OWN_MEETINGS,
        ProjectionRules.OTHER_FROM_PARTICIPATION,
        d.derived() ? FigureStatus.AMOUNT : FigureStatus.NOT_CALCULATED,
        d.derived() ? d.totalSek() : null,
        explanation.toString(),
        facts);
  }

  private static Optional<Body> namedBody(UnitFact fact) {
    if (fact.event() instanceof RepresentativeAppointed e) {
      return Optional.of(e.body());
    }
    if (fact.event() instanceof HeadcountRecorded e) {
      return Optional.of(e.body());
    }
    if (fact.event() instanceof ForumGoalsLinked e) {
      return Optional.of(e.body());
    }
    return Optional.empty();
  }
}
