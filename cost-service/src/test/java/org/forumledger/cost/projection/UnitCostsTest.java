package org.forumledger.cost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.forumledger.cost.units.UnitCosts;
import org.forumledger.cost.units.UnitCosts.Attribution;
import org.forumledger.cost.units.UnitCosts.ForumParts;
import org.forumledger.cost.units.UnitCosts.Part;
import org.forumledger.cost.units.UnitCosts.Sums;
import org.forumledger.cost.units.UnitFact;
import org.forumledger.events.Body;
import org.forumledger.events.CostStatus;
import org.forumledger.events.CountRange;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.UnitKind;
import org.forumledger.events.UnitRegistered;
import org.junit.jupiter.api.Test;

/**
 * The rule of the costs per unit (issue 14, {@link UnitCosts}) over the year's actual figures: a
 * forum only one unit takes part in is that unit's, a forum several share is shared and not split,
 * a committee's meetings are its own, and not calculated is counted, never summed. (In this package
 * for the projection tests' {@link Facts}.)
 */
class UnitCostsTest {

  static final UnitCosts RULE = new UnitCosts(ProjectionRulesTest.PLAIN);
  static final Body MKN = Body.of("MKN");

  static UnitFact headcount(String forumId, Body body, int people) {
    return new UnitFact(
        forumId,
        new HeadcountRecorded(
            forumId, 2023, body, new CountRange(people, people), String.valueOf(people)),
        Facts.event("forum.HeadcountRecorded"));
  }

  static UnitFact registered(Body unit, String name) {
    return new UnitFact(
        null,
        new UnitRegistered(unit, name, UnitKind.COMMITTEE, null, null, null, null),
        Facts.event("unit.UnitRegistered"));
  }

  // KS alone in Reväst (70 000 fee, 15 000 other); KS and SLK in SKR's network (100 000 fee,
  // 20 000 other); nobody in the dormant forum (5 000 fee); SLK alone in a forum whose other cost
  // was not calculated (fee 1 000)
  static final List<ForumFacts> FORUMS =
      List.of(
          Facts.forum("revast")
              .reference("2.1.3")
              .fixedFee(2023, null, "70000")
              .otherCost(2023, "15000", "0")
              .build(),
          Facts.forum("skr")
              .reference("2.2.1")
              .fixedFee(2023, null, "100000")
              .otherCost(2023, "20000", "0")
              .build(),
          Facts.forum("dormant").reference("2.3.1").fixedFee(2023, null, "5000").build(),
          Facts.forum("partnerskap")
              .reference("2.1.2")
              .fixedFee(2023, null, "1000")
              .otherCostStatus(2023, CostStatus.NOT_CALCULATED, null)
              .build());

  static final List<UnitFact> UNITS =
      List.of(
          registered(Body.KS, "kommunstyrelsen"),
          headcount("revast", Body.KS, 1),
          headcount("revast", Body.SLK, 0),
          headcount("skr", Body.KS, 2),
          headcount("skr", Body.SLK, 1),
          headcount("partnerskap", Body.SLK, 1));

  @Test
  void aForumOnlyKsTakesPartInIsKssFeeAndOtherCost() {
    UnitCosts.Year year = RULE.of(FORUMS, UNITS, 2023);

    ForumParts revast = forum(year, "revast");
    // SLK's headcount of 0 does not make it take part
    assertThat(revast.units()).containsExactly(Body.KS);
    assertThat(revast.fee().attribution()).isEqualTo(Attribution.ATTRIBUTED);
    assertThat(revast.fee().rule()).isEqualTo(UnitCosts.SOLE_UNIT);
    assertThat(revast.fee().explanation())
        .startsWith("KS is the only unit taking part in 2.1.3 in 2023: the forum's fee is KS's");
    assertThat(revast.takingPart().get(Body.KS))
        .singleElement()
        .satisfies(p -> assertThat(p.eventType()).isEqualTo("forum.HeadcountRecorded"));

    Sums ks = year.attributedTo(Body.KS);
    assertThat(ks.feeSek()).isEqualByComparingTo("70000");
    assertThat(ks.otherCostSek()).isEqualByComparingTo("15000");
    assertThat(ks.forumCount()).isEqualTo(1);
    assertThat(ks.notCalculatedCount()).isZero();
  }

  @Test
  void aForumKsAndSlkShareIsSharedNotApportionedAndNoSumExceedsTheTotal() {
    UnitCosts.Year year = RULE.of(FORUMS, UNITS, 2023);

    ForumParts skr = forum(year, "skr");
    assertThat(skr.units()).containsExactly(Body.KS, Body.SLK);
    assertThat(List.of(skr.fee(), skr.otherCost()))
        .allSatisfy(
            p -> {
              assertThat(p.attribution()).isEqualTo(Attribution.SHARED_NOT_APPORTIONED);
              assertThat(p.explanation()).contains("KS, SLK take part", "not apportioned");
            });
    // each unit lists the shared 120 000 whole, and neither has any of it as its own
    assertThat(year.sharedBy(Body.KS).totalSek()).isEqualByComparingTo("120000");
    assertThat(year.sharedBy(Body.SLK).totalSek()).isEqualByComparingTo("120000");
    assertThat(year.shared().totalSek()).isEqualByComparingTo("120000");
    assertThat(year.attributedTo(Body.SLK).totalSek()).isEqualByComparingTo("1000");

    // attributed + shared + no unit is the year's total, exactly; what is attributed never exceeds
    BigDecimal total = year.totals().total();
    Sums attributed = year.attributed();
    assertThat(attributed.totalSek())
        .isEqualByComparingTo(
            year.attributedTo(Body.KS).totalSek().add(year.attributedTo(Body.SLK).totalSek()));
    assertThat(attributed.totalSek()).isLessThanOrEqualTo(total);
    assertThat(attributed.totalSek().add(year.shared().totalSek()).add(year.noUnit().totalSek()))
        .isEqualByComparingTo(total);
    assertThat(year.noUnit().feeSek()).isEqualByComparingTo("5000");
    assertThat(forum(year, "dormant").fee().rule()).isEqualTo(UnitCosts.NO_UNIT);
  }

  @Test
  void aCommitteesMeetingsArePricedUnderItInASharedForum() {
    // MKN 2 h and 4 h, KS 3 h at 300 SEK an hour; the forum's fee of 50 000 is shared
    ForumFacts string =
        Facts.forum("string")
            .reference("2.4.1")
            .fixedFee(2025, null, "50000")
            .rates(2025, "300", "0")
            .meeting("p-1", MKN, "2025-03-01", "2")
            .meeting("p-2", Body.KS, "2025-09-01", "3")
            .meeting("p-3", MKN, "2025-09-01", "4")
            .build();
    UnitCosts.Year year =
        RULE.of(List.of(string), List.of(registered(MKN, "miljö- och klimatnämnden")), 2025);

    ForumParts parts = forum(year, "string");
    assertThat(parts.units()).containsExactly(Body.KS, MKN);
    // the other costs are the meetings', so there is no forum-level other cost to share
    assertThat(parts.otherCost()).isNull();
    Part mkn = parts.meetings().get(MKN);
    assertThat(mkn.rule()).isEqualTo(UnitCosts.OWN_MEETINGS);
    assertThat(mkn.amountSek()).isEqualByComparingTo("1800");
    assertThat(mkn.explanation())
        .contains("2 meetings of MKN in 2.4.1", "2025-03-01 MKN", "2025-09-01 MKN")
        .doesNotContain("2025-09-01 KS");
    assertThat(mkn.facts())
        .extracting(Provenance::eventType)
        .contains("forum.ParticipationRecorded", "rates.CostRatesRecorded");
    assertThat(parts.meetings().get(Body.KS).amountSek()).isEqualByComparingTo("900");
    assertThat(year.attributedTo(MKN).otherCostSek()).isEqualByComparingTo("1800");
    assertThat(year.attributedTo(MKN).feeSek()).isZero();
    assertThat(year.sharedBy(MKN).feeSek()).isEqualByComparingTo("50000");
    assertThat(year.known(MKN).orElseThrow().name()).isEqualTo("miljö- och klimatnämnden");
    // the meetings' parts add up to the forum's derived other cost
    assertThat(year.attributed().otherCostSek())
        .isEqualByComparingTo(year.totals().otherCostTotal());
  }

  @Test
  void notCalculatedIsCountedNeverSummed() {
    UnitCosts.Year year = RULE.of(FORUMS, UNITS, 2023);

    Sums slk = year.attributedTo(Body.SLK);
    assertThat(slk.notCalculatedCount()).isEqualTo(1);
    assertThat(slk.otherCostSek()).isZero();
    assertThat(forum(year, "partnerskap").otherCost().amountSek()).isNull();
    assertThat(year.notCalculatedForums()).isEqualTo(year.totals().notCalculatedCount()).isOne();

    // meetings without rates: each unit's meetings not calculated, the forum counted once
    ForumFacts unpriced =
        Facts.forum("unpriced")
            .meeting("p-1", Body.KS, "2025-09-01", "3")
            .meeting("p-2", Body.SLK, "2025-09-01", "4")
            .build();
    UnitCosts.Year y2025 = RULE.of(List.of(unpriced), List.of(), 2025);
    assertThat(forum(y2025, "unpriced").meetings().values())
        .allSatisfy(
            p -> {
              assertThat(p.status()).isEqualTo(FigureStatus.NOT_CALCULATED);
              assertThat(p.amountSek()).isNull();
            });
    assertThat(y2025.attributedTo(Body.KS).notCalculatedCount()).isOne();
    assertThat(y2025.attributedTo(Body.KS).totalSek()).isZero();
    assertThat(y2025.notCalculatedForums()).isEqualTo(y2025.totals().notCalculatedCount()).isOne();
  }

  static ForumParts forum(UnitCosts.Year year, String forumId) {
    return year.forums().stream()
        .filter(f -> f.row().forum().forumId().equals(forumId))
        .findFirst()
        .orElseThrow();
  }
}
