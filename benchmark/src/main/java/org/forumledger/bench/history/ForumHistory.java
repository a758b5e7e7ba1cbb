package org.forumledger.bench.history;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.forumledger.events.AnnualFeeSet;
import org.forumledger.events.AnnualFeeWithdrawn;
import org.forumledger.events.AppointmentEnded;
import org.forumledger.events.Body;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostLine;
import org.forumledger.events.CostStatus;
import org.forumledger.events.CountRange;
import org.forumledger.events.ExchangeRateSource;
import org.forumledger.events.FeeBasis;
import org.forumledger.events.ForumDetailsRevised;
import org.forumledger.events.ForumEvent;
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumReclassified;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.events.Role;
import org.forumledger.events.Scope;

/**
 * One synthetic forum's life, kept small (a few fields per forum, not its events) so ten thousand
 * of them fit in a few megabytes. Each next fact is one the registry would accept from the forum's
 * state: a withdrawal only of something recorded, an ending only of an open appointment, a status
 * only when it changes, and never ENDED, after which the registry refuses most changes.
 */
final class ForumHistory {

  /** A fact and the date it takes effect, as the registry records both. */
  record Fact(ForumEvent payload, LocalDate effectiveDate) {}

  private record OpenAppointment(String id, LocalDate validFrom, LocalDate validTo) {}

  static final int FIRST_YEAR = 2019;
  static final int YEARS = 12; // 2019-2030: three mandate periods
  private static final String[] AREAS = {
    "Regional utveckling",
    "Infrastruktur inom transport och kollektivtrafik",
    "Miljö och klimat",
    "Internationellt arbete",
    "Social hållbarhet",
    "Näringsliv och arbetsmarknad",
    "Kultur och fritid",
    "Digitalisering"
  };
  private static final String[] CONVENERS = {
    "SKR", "GR", "VGR", "Länsstyrelsen", "Eurocities", "Trafikverket", "Business Region Göteborg"
  };

  private final String forumId;
  private final int index;
  private long nextSequence;
  private ForumStatus status = ForumStatus.ACTIVE;
  private int feeYears;
  private int costYears;
  private int area;
  private ForumKind kind;
  private int revisions;
  private int appointments;
  private final Deque<OpenAppointment> open = new ArrayDeque<>();

  ForumHistory(String forumId, int index) {
    this.forumId = forumId;
    this.index = index;
  }

  String forumId() {
    return forumId;
  }

  /** The sequence number the next event of this forum takes, from 0. */
  long takeSequence() {
    return nextSequence++;
  }

  Fact registered(SplittableRandom random) {
    area = random.nextInt(AREAS.length);
    kind = random.nextInt(3) == 0 ? ForumKind.NETWORK : ForumKind.COLLABORATION;
    int minMeetings = 1 + random.nextInt(6);
    return new Fact(
        new ForumRegistered(
            forumId,
            "9.9." + (index + 1),
            "History forum " + (index + 1),
            "A forum of the benchmark's long history",
            AREAS[area],
            null,
            kind,
            collaborationType(),
            CONVENERS[random.nextInt(CONVENERS.length)],
            Scope.values()[random.nextInt(Scope.values().length)],
            new CountRange(minMeetings, minMeetings + random.nextInt(4)),
            MeetingMode.values()[random.nextInt(MeetingMode.values().length)]),
        LocalDate.of(2015 + random.nextInt(9), 1 + random.nextInt(12), 1));
  }

  /** The forum's next fact after its registration, in the mix of a registrar's years. */
  Fact next(SplittableRandom random) {
    int dice = random.nextInt(100);
    if (dice < 26) {
      return fee(random);
    } else if (dice < 46) {
      return otherCost(random);
    } else if (dice < 64) {
      return headcount(random);
    } else if (dice < 78) {
      return appoint(random);
    } else if (dice < 83) {
      return open.isEmpty() ? appoint(random) : endAppointment(random);
    } else if (dice < 88) {
      return statusChange(random);
    } else if (dice < 93) {
      return reviseDetails(random);
    } else if (dice < 96) {
      return reclassify(random);
    } else if (dice < 98) {
      return feeYears == 0 ? fee(random) : withdrawFee(random);
    }
    return costYears == 0 ? otherCost(random) : withdrawOtherCost(random);
  }

  private Fact fee(SplittableRandom random) {
    int year = FIRST_YEAR + random.nextInt(YEARS);
    Integer toYear = random.nextBoolean() ? null : year + random.nextInt(4);
    boolean correction = has(feeYears, year);
    feeYears = with(feeYears, year);
    int dice = random.nextInt(20);
    AnnualFeeSet fee;
    if (dice == 0) {
      fee = statusFee(year, toYear, CostStatus.NONE, correction);
    } else if (dice == 1) {
      fee = statusFee(year, toYear, CostStatus.NOT_CALCULATED, correction);
    } else if (dice <= 3) {
      BigDecimal euro = BigDecimal.valueOf(500 + random.nextInt(5000));
      BigDecimal rate = new BigDecimal("11.48");
      BigDecimal sek = euro.multiply(rate).setScale(2, RoundingMode.HALF_UP);
      fee = amountFee(year, toYear, sek, "EUR", euro, rate, correction);
    } else {
      BigDecimal sek = BigDecimal.valueOf(1000L * (1 + random.nextInt(900)));
      fee = amountFee(year, toYear, sek, "SEK", null, null, correction);
    }
    return new Fact(fee, LocalDate.of(year, 1, 1));
  }

  private AnnualFeeSet amountFee(
      int year,
      Integer toYear,
      BigDecimal sek,
      String currency,
      BigDecimal original,
      BigDecimal rate,
      boolean correction) {
    return new AnnualFeeSet(
        forumId,
        year,
        toYear,
        CostStatus.AMOUNT,
        sek,
        currency,
        original,
        rate,
        rate == null ? null : ExchangeRateSource.STATED,
        FeeBasis.FIXED,
        null,
        null,
        null,
        null,
        correction);
  }

  private AnnualFeeSet statusFee(int year, Integer toYear, CostStatus status, boolean correction) {
    return new AnnualFeeSet(
        forumId,
        year,
        toYear,
        status,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        correction);
  }

  private Fact otherCost(SplittableRandom random) {
    int year = FIRST_YEAR + random.nextInt(YEARS);
    boolean correction = has(costYears, year);
    costYears = with(costYears, year);
    int dice = random.nextInt(20);
    OtherCostRecorded recorded;
    if (dice < 3) {
      recorded =
          new OtherCostRecorded(
              forumId, year, CostStatus.NOT_CALCULATED, List.of(), null, null, correction);
    } else if (dice == 3) {
      recorded =
          new OtherCostRecorded(forumId, year, CostStatus.NONE, List.of(), null, null, correction);
    } else {
      List<CostLine> lines = new ArrayList<>();
      BigDecimal hours = BigDecimal.valueOf(4 + random.nextInt(80));
      BigDecimal hourly = new BigDecimal("640.00");
      lines.add(new CostLine(CostCategory.STAFF_TIME, hours.multiply(hourly), hours, hourly));
      if (random.nextBoolean()) {
        lines.add(
            new CostLine(
                CostCategory.TRAVEL, BigDecimal.valueOf(500 + random.nextInt(9000)), null, null));
      }
      if (random.nextInt(4) == 0) {
        lines.add(
            new CostLine(
                CostCategory.LODGING, BigDecimal.valueOf(900 + random.nextInt(4000)), null, null));
      }
      BigDecimal total =
          lines.stream().map(CostLine::amountSek).reduce(BigDecimal.ZERO, BigDecimal::add);
      recorded =
          new OtherCostRecorded(forumId, year, CostStatus.AMOUNT, lines, total, null, correction);
    }
    return new Fact(recorded, LocalDate.of(year, 1, 1));
  }

  private Fact headcount(SplittableRandom random) {
    int year = FIRST_YEAR + random.nextInt(YEARS);
    int min = random.nextInt(5);
    int max = min + random.nextInt(3);
    Body body = random.nextBoolean() ? Body.KS : Body.SLK;
    return new Fact(
        new HeadcountRecorded(
            forumId, year, body, new CountRange(min, max), min == max ? "" + min : min + "-" + max),
        LocalDate.of(year, 1, 1));
  }

  private Fact appoint(SplittableRandom random) {
    int periodStart = FIRST_YEAR + 4 * random.nextInt(3);
    LocalDate from = LocalDate.of(periodStart, 1, 1);
    LocalDate to = LocalDate.of(periodStart + 3, 12, 31);
    String id = "h-" + (++appointments);
    open.addLast(new OpenAppointment(id, from, to));
    return new Fact(
        new RepresentativeAppointed(
            forumId,
            id,
            "Person " + index + "-" + appointments,
            random.nextBoolean() ? Body.KS : Body.SLK,
            Role.values()[random.nextInt(Role.values().length)],
            from,
            to),
        from);
  }

  private Fact endAppointment(SplittableRandom random) {
    OpenAppointment ending = open.removeFirst();
    long days = ending.validTo().toEpochDay() - ending.validFrom().toEpochDay();
    LocalDate on = ending.validFrom().plusDays(random.nextLong(days + 1));
    return new Fact(new AppointmentEnded(forumId, ending.id(), on), on);
  }

  private Fact statusChange(SplittableRandom random) {
    status =
        status == ForumStatus.ACTIVE
            ? (random.nextBoolean() ? ForumStatus.PAUSED : ForumStatus.INACTIVE)
            : ForumStatus.ACTIVE;
    LocalDate from = LocalDate.of(2020 + random.nextInt(7), 1 + random.nextInt(12), 1);
    return new Fact(new ForumStatusChanged(forumId, status, from), from);
  }

  private Fact reviseDetails(SplittableRandom random) {
    revisions++;
    int minMeetings = 1 + random.nextInt(6);
    return new Fact(
        new ForumDetailsRevised(
            forumId,
            "History forum " + (index + 1) + " (revision " + revisions + ")",
            "A forum of the benchmark's long history, revised",
            CONVENERS[random.nextInt(CONVENERS.length)],
            Scope.values()[random.nextInt(Scope.values().length)],
            new CountRange(minMeetings, minMeetings + random.nextInt(4)),
            MeetingMode.values()[random.nextInt(MeetingMode.values().length)]),
        LocalDate.of(2020 + random.nextInt(7), 1 + random.nextInt(12), 1));
  }

  private Fact reclassify(SplittableRandom random) {
    area = (area + 1 + random.nextInt(AREAS.length - 1)) % AREAS.length;
    kind = kind == ForumKind.NETWORK ? ForumKind.COLLABORATION : ForumKind.NETWORK;
    return new Fact(
        new ForumReclassified(forumId, AREAS[area], null, kind, collaborationType()),
        LocalDate.of(2020 + random.nextInt(7), 1, 1));
  }

  private Fact withdrawFee(SplittableRandom random) {
    int year = anyYear(feeYears, random);
    feeYears = without(feeYears, year);
    return new Fact(new AnnualFeeWithdrawn(forumId, year), LocalDate.of(year, 1, 1));
  }

  private Fact withdrawOtherCost(SplittableRandom random) {
    int year = anyYear(costYears, random);
    costYears = without(costYears, year);
    return new Fact(new OtherCostWithdrawn(forumId, year), LocalDate.of(year, 1, 1));
  }

  private String collaborationType() {
    return kind == ForumKind.COLLABORATION ? "samverkansorgan" : null;
  }

  private static boolean has(int years, int year) {
    return (years & (1 << (year - FIRST_YEAR))) != 0;
  }

  private static int with(int years, int year) {
    return years | (1 << (year - FIRST_YEAR));
  }

  private static int without(int years, int year) {
    return years & ~(1 << (year - FIRST_YEAR));
  }

  /** One of the years recorded in {@code years}, which holds at least one. */
  private static int anyYear(int years, SplittableRandom random) {
    int pick = random.nextInt(Integer.bitCount(years));
    for (int bit = 0; bit < YEARS; bit++) {
      if ((years & (1 << bit)) != 0 && pick-- == 0) {
        return FIRST_YEAR + bit;
      }
    }
    throw new IllegalStateException("no year recorded");
  }
}
