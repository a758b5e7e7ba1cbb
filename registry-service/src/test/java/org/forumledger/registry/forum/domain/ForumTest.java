package org.forumledger.registry.forum.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
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
import org.forumledger.events.ForumKind;
import org.forumledger.events.ForumReclassified;
import org.forumledger.events.ForumRegistered;
import org.forumledger.events.ForumStatus;
import org.forumledger.events.ForumStatusChanged;
import org.forumledger.events.HeadcountRecorded;
import org.forumledger.events.MeetingMode;
import org.forumledger.events.MetadataKeys;
import org.forumledger.events.OtherCostRecorded;
import org.forumledger.events.OtherCostWithdrawn;
import org.forumledger.events.RepresentativeAppointed;
import org.forumledger.events.Role;
import org.forumledger.events.Scope;
import org.forumledger.registry.forum.domain.ForumCommands.AppointRepresentativeCommand;
import org.forumledger.registry.forum.domain.ForumCommands.ChangeForumStatusCommand;
import org.forumledger.registry.forum.domain.ForumCommands.EndAppointmentCommand;
import org.forumledger.registry.forum.domain.ForumCommands.ReclassifyForumCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RecordHeadcountCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RecordOtherCostCommand;
import org.forumledger.registry.forum.domain.ForumCommands.RegisterForumCommand;
import org.forumledger.registry.forum.domain.ForumCommands.ReviseForumDetailsCommand;
import org.forumledger.registry.forum.domain.ForumCommands.SetAnnualFeeCommand;
import org.forumledger.registry.forum.domain.ForumCommands.WithdrawAnnualFeeCommand;
import org.forumledger.registry.forum.domain.ForumCommands.WithdrawOtherCostCommand;
import org.forumledger.registry.goal.Goals;
import org.forumledger.registry.unit.Units;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForumTest {

  static final String ID = "forum-1";
  static final String AREA = "Infrastruktur inom transport och kollektivtrafik";
  static final CountRange TWO_TO_FOUR = new CountRange(2, 4);
  static final ForumRegistered REGISTERED =
      new ForumRegistered(
          ID,
          "2.2.10",
          "STRING",
          "Corridor",
          AREA,
          null,
          ForumKind.COLLABORATION,
          "samverkansorgan",
          "STRING",
          Scope.INTERNATIONAL,
          TWO_TO_FOUR,
          MeetingMode.MIXED);
  static final ForumStatusChanged ENDED =
      new ForumStatusChanged(ID, ForumStatus.ENDED, LocalDate.of(2024, 12, 31));
  static final RepresentativeAppointed ANNA =
      new RepresentativeAppointed(
          ID,
          "a-1",
          "Anna",
          Body.KS,
          Role.LEDAMOT,
          LocalDate.of(2023, 1, 1),
          LocalDate.of(2026, 12, 31));

  static final Map<String, Object> DECISION =
      Map.of(MetadataKeys.DECISION_REFERENCE, "KS 2025-02-12 § 77");

  FixtureConfiguration<Forum> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Forum.class);
    fixture.registerInjectableResource(Units.none());
    fixture.registerInjectableResource(Goals.none());
  }

  static SetAnnualFeeCommand sekFee(int fromYear, String amount) {
    return fee(fromYear, null, CostStatus.AMOUNT, new BigDecimal(amount));
  }

  /** A fee of status NONE: nothing but its years. */
  static SetAnnualFeeCommand noFee(int fromYear, Integer toYear) {
    return fee(fromYear, toYear, CostStatus.NONE, null);
  }

  static SetAnnualFeeCommand fee(
      int fromYear, Integer toYear, CostStatus status, BigDecimal amount) {
    return new SetAnnualFeeCommand(
        ID, null, fromYear, toYear, status, amount, null, null, null, null, null, null, null, null);
  }

  static SetAnnualFeeCommand euroFee(String euro, String rate, String sek) {
    return new SetAnnualFeeCommand(
        ID,
        null,
        2023,
        null,
        CostStatus.AMOUNT,
        new BigDecimal(euro),
        "EUR",
        rate == null ? null : new BigDecimal(rate),
        sek == null ? null : new BigDecimal(sek),
        null,
        null,
        null,
        null,
        null);
  }

  static AnnualFeeSet sekFeeSet(int fromYear, String amount, boolean correction) {
    return new AnnualFeeSet(
        ID,
        fromYear,
        null,
        CostStatus.AMOUNT,
        new BigDecimal(amount),
        "SEK",
        null,
        null,
        null,
        FeeBasis.FIXED,
        null,
        null,
        null,
        null,
        correction);
  }

  @Nested
  class Registering {
    @Test
    void aValidForumIsRegistered() {
      fixture
          .givenNoPriorActivity()
          .when(
              new RegisterForumCommand(
                  ID,
                  "2.2.10",
                  "STRING",
                  "Corridor",
                  AREA,
                  null,
                  ForumKind.COLLABORATION,
                  "samverkansorgan",
                  "STRING",
                  Scope.INTERNATIONAL,
                  TWO_TO_FOUR,
                  MeetingMode.MIXED))
          .expectEvents(REGISTERED);
    }

    @Test
    void aBlankNameIsRefused() {
      fixture
          .givenNoPriorActivity()
          .when(
              new RegisterForumCommand(
                  ID, null, " ", null, AREA, null, ForumKind.NETWORK, null, null, null, null, null))
          .expectException(ForumRuleViolation.class)
          .expectNoEvents();
    }

    @Test
    void meetingsWithMinAboveMaxAreRefused() {
      fixture
          .givenNoPriorActivity()
          .when(
              new RegisterForumCommand(
                  ID,
                  null,
                  "N",
                  null,
                  AREA,
                  null,
                  ForumKind.NETWORK,
                  null,
                  null,
                  null,
                  new CountRange(5, 2),
                  null))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage("meetingsPerYear: min cannot exceed max");
    }

    @Test
    void aNetworkHasNoCollaborationType() {
      fixture
          .givenNoPriorActivity()
          .when(
              new RegisterForumCommand(
                  ID,
                  null,
                  "N",
                  null,
                  AREA,
                  null,
                  ForumKind.NETWORK,
                  "styrgrupp",
                  null,
                  null,
                  null,
                  null))
          .expectException(ForumRuleViolation.class);
    }
  }

  @Nested
  class Details {
    @Test
    void revisedDetailsAreRecorded() {
      fixture
          .given(REGISTERED)
          .when(
              new ReviseForumDetailsCommand(
                  ID,
                  null,
                  "STRING",
                  "New purpose",
                  "STRING",
                  Scope.INTERNATIONAL,
                  TWO_TO_FOUR,
                  MeetingMode.PHYSICAL))
          .expectEvents(
              new ForumDetailsRevised(
                  ID,
                  "STRING",
                  "New purpose",
                  "STRING",
                  Scope.INTERNATIONAL,
                  TWO_TO_FOUR,
                  MeetingMode.PHYSICAL));
    }

    @Test
    void revisingToTheSameDetailsWritesNothing() {
      fixture
          .given(REGISTERED)
          .when(
              new ReviseForumDetailsCommand(
                  ID,
                  null,
                  "STRING",
                  "Corridor",
                  "STRING",
                  Scope.INTERNATIONAL,
                  TWO_TO_FOUR,
                  MeetingMode.MIXED))
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void reclassifyingMovesTheForum() {
      fixture
          .given(REGISTERED)
          .when(
              new ReclassifyForumCommand(
                  ID, null, "Regional utveckling", null, ForumKind.NETWORK, null))
          .expectEvents(
              new ForumReclassified(ID, "Regional utveckling", null, ForumKind.NETWORK, null));
    }

    @Test
    void anEndedForumsDetailsCanStillBeCorrected() {
      fixture
          .given(REGISTERED, ENDED)
          .when(
              new ReviseForumDetailsCommand(ID, null, "X", null, null, null, null, null), DECISION)
          .expectSuccessfulHandlerExecution()
          .expectEvents(new ForumDetailsRevised(ID, "X", null, null, null, null, null));
    }
  }

  @Nested
  class Status {
    @Test
    void aForumIsPausedFromADate() {
      fixture
          .given(REGISTERED)
          .when(
              new ChangeForumStatusCommand(ID, null, ForumStatus.PAUSED, LocalDate.of(2020, 3, 15)))
          .expectEvents(new ForumStatusChanged(ID, ForumStatus.PAUSED, LocalDate.of(2020, 3, 15)));
    }

    @Test
    void theSameStatusAgainWritesNothing() {
      fixture
          .given(REGISTERED)
          .when(
              new ChangeForumStatusCommand(ID, null, ForumStatus.ACTIVE, LocalDate.of(2023, 1, 1)))
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
    }

    @Test
    void aMistakenEndIsCorrectedByChangingTheStatusBack() {
      fixture
          .given(REGISTERED, ENDED)
          .when(
              new ChangeForumStatusCommand(
                  ID, null, ForumStatus.ACTIVE, LocalDate.of(2024, 12, 31)),
              DECISION)
          .expectEvents(new ForumStatusChanged(ID, ForumStatus.ACTIVE, LocalDate.of(2024, 12, 31)));
    }

    @Test
    void onceReopenedAForumTakesLaterFactsAgain() {
      fixture
          .given(
              REGISTERED,
              ENDED,
              new ForumStatusChanged(ID, ForumStatus.ACTIVE, LocalDate.of(2024, 12, 31)))
          .when(sekFee(2025, "100"))
          .expectSuccessfulHandlerExecution();
    }
  }

  /** Issue 13: a mistaken end is corrected by new events, each with a reason and a decision. */
  @Nested
  class Corrections {
    static final ForumStatusChanged ENDED_ON_NEW_YEAR =
        new ForumStatusChanged(ID, ForumStatus.ENDED, LocalDate.of(2024, 1, 1));

    static org.hamcrest.Matcher<ForumRuleViolation> fieldIs(String field) {
      return org.axonframework.test.matchers.Matchers.predicate(
          violation -> field.equals(violation.field()));
    }

    @Test
    void reopeningAnEndedForumNamesItsDecision() {
      fixture
          .given(REGISTERED, ENDED)
          .when(
              new ChangeForumStatusCommand(
                  ID, null, ForumStatus.ACTIVE, LocalDate.of(2024, 12, 31)))
          .expectException(ForumRuleViolation.class)
          .expectException(fieldIs("decisionReference"))
          .expectNoEvents();
    }

    @Test
    void aCostBeforeTheEndIsACorrectionThatNamesItsDecision() {
      fixture
          .given(REGISTERED, ENDED)
          .when(new RecordOtherCostCommand(ID, null, 2023, CostStatus.NOT_CALCULATED, null, null))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage(
              org.hamcrest.Matchers.startsWith("decisionReference is required: the forum ended"))
          .expectNoEvents();
    }

    @Test
    void aCostOfAYearBeforeTheEndIsRecordedWithItsDecision() {
      fixture
          .given(REGISTERED, ENDED)
          .when(
              new RecordOtherCostCommand(ID, null, 2023, CostStatus.NOT_CALCULATED, null, null),
              DECISION)
          .expectEvents(
              new OtherCostRecorded(
                  ID, 2023, CostStatus.NOT_CALCULATED, List.of(), null, null, false));
    }

    @Test
    void aForumEndedOnNewYearsDayTakesNothingForTheYearAfter() {
      fixture
          .given(REGISTERED, ENDED_ON_NEW_YEAR)
          .when(sekFee(2025, "100"), DECISION)
          .expectException(ForumRuleViolation.class)
          .expectException(fieldIs("fromYear"))
          .expectNoEvents();
    }

    @Test
    void aForumEndedOnNewYearsDayStillTakesAFeeOfThatYearAsTheTotalsAddIt() {
      fixture
          .given(REGISTERED, ENDED_ON_NEW_YEAR)
          .when(sekFee(2024, "100"), DECISION)
          .expectEvents(sekFeeSet(2024, "100", false));
    }

    @Test
    void anAppointmentStartingAfterTheEndIsRefusedNamingTheRuleAndTheField() {
      fixture
          .given(REGISTERED, ENDED)
          .when(
              new AppointRepresentativeCommand(
                  ID, null, "a-2", "Bo", Body.KS, Role.ERSATTARE, LocalDate.of(2025, 1, 1), null),
              DECISION)
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage(
              "validFrom 2025-01-01 is after the forum's end on 2024-12-31: an ended forum takes"
                  + " no fact that begins after its end; reopen it first (a status change with a"
                  + " reason and a decision)");
    }

    @Test
    void anActiveForumNeedsNoDecisionForAFact() {
      fixture.given(REGISTERED).when(sekFee(2025, "100")).expectSuccessfulHandlerExecution();
    }

    @Test
    void aReopenedForumTakesFactsAfterTheOldEndWithoutFurtherDecision() {
      fixture
          .given(
              REGISTERED,
              ENDED,
              new ForumStatusChanged(ID, ForumStatus.ACTIVE, LocalDate.of(2025, 3, 1)))
          .when(sekFee(2026, "100"))
          .expectEvents(sekFeeSet(2026, "100", false));
    }
  }

  @Nested
  class Representatives {
    @Test
    void aRepresentativeIsAppointed() {
      fixture
          .given(REGISTERED)
          .when(
              new AppointRepresentativeCommand(
                  ID,
                  null,
                  "a-1",
                  "Anna",
                  Body.KS,
                  Role.LEDAMOT,
                  LocalDate.of(2023, 1, 1),
                  LocalDate.of(2026, 12, 31)))
          .expectEvents(ANNA);
    }

    @Test
    void anAppointmentCannotEndBeforeItStarts() {
      fixture
          .given(REGISTERED)
          .when(
              new AppointRepresentativeCommand(
                  ID,
                  null,
                  "a-1",
                  "Anna",
                  Body.KS,
                  Role.LEDAMOT,
                  LocalDate.of(2023, 1, 1),
                  LocalDate.of(2022, 1, 1)))
          .expectException(ForumRuleViolation.class)
          .expectNoEvents();
    }

    @Test
    void noAppointmentStartingAfterTheForumEnded() {
      fixture
          .given(REGISTERED, ENDED)
          .when(
              new AppointRepresentativeCommand(
                  ID, null, "a-2", "Bo", Body.KS, Role.ERSATTARE, LocalDate.of(2025, 1, 1), null))
          .expectException(ForumRuleViolation.class);
    }

    @Test
    void theSameAppointmentAgainWritesNothingButOtherDetailsUnderItsIdAreRefused() {
      fixture
          .given(REGISTERED, ANNA)
          .when(
              new AppointRepresentativeCommand(
                  ID,
                  null,
                  "a-1",
                  "Anna",
                  Body.KS,
                  Role.LEDAMOT,
                  LocalDate.of(2023, 1, 1),
                  LocalDate.of(2026, 12, 31)))
          .expectSuccessfulHandlerExecution()
          .expectNoEvents();
      fixture
          .given(REGISTERED, ANNA)
          .when(
              new AppointRepresentativeCommand(
                  ID, null, "a-1", "Bo", Body.KS, Role.LEDAMOT, LocalDate.of(2023, 1, 1), null))
          .expectException(ForumRuleViolation.class);
    }

    @Test
    void anAppointmentEnds() {
      fixture
          .given(REGISTERED, ANNA)
          .when(new EndAppointmentCommand(ID, null, "a-1", LocalDate.of(2024, 6, 30)))
          .expectEvents(new AppointmentEnded(ID, "a-1", LocalDate.of(2024, 6, 30)));
    }

    @Test
    void anAppointmentCannotEndBeforeItsStartOrTwice() {
      fixture
          .given(REGISTERED, ANNA)
          .when(new EndAppointmentCommand(ID, null, "a-1", LocalDate.of(2022, 6, 30)))
          .expectException(ForumRuleViolation.class);
      fixture
          .given(REGISTERED, ANNA, new AppointmentEnded(ID, "a-1", LocalDate.of(2024, 6, 30)))
          .when(new EndAppointmentCommand(ID, null, "a-1", LocalDate.of(2024, 7, 30)))
          .expectException(ForumRuleViolation.class);
    }

    @Test
    void anSlkHeadcountRangeIsRecordedOnce() {
      HeadcountRecorded recorded =
          new HeadcountRecorded(ID, 2023, Body.SLK, new CountRange(1, 2), "1-2");
      fixture
          .given(REGISTERED)
          .when(new RecordHeadcountCommand(ID, null, 2023, Body.SLK, new CountRange(1, 2), "1-2"))
          .expectEvents(recorded);
      fixture
          .given(REGISTERED, recorded)
          .when(new RecordHeadcountCommand(ID, null, 2023, Body.SLK, new CountRange(1, 2), "1-2"))
          .expectNoEvents();
    }

    @Test
    void aHeadcountTheSourceGivesOnlyInWordsIsKeptWithoutACount() {
      fixture
          .given(REGISTERED)
          .when(new RecordHeadcountCommand(ID, null, 2023, Body.KS, null, "2 per forum"))
          .expectEvents(new HeadcountRecorded(ID, 2023, Body.KS, null, "2 per forum"));
    }

    @Test
    void aHeadcountWithNeitherCountNorWordsIsRefused() {
      fixture
          .given(REGISTERED)
          .when(new RecordHeadcountCommand(ID, null, 2023, Body.KS, null, " "))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage(
              "headcount is required unless asWritten keeps the source's words for an unknown"
                  + " count");
      fixture
          .given(REGISTERED)
          .when(new RecordHeadcountCommand(ID, null, 2023, Body.KS, null, null))
          .expectException(ForumRuleViolation.class);
    }
  }

  @Nested
  class Fees {
    @Test
    void aFixedSekFeeIsSet() {
      fixture
          .given(REGISTERED)
          .when(sekFee(2023, "837000"))
          .expectEvents(sekFeeSet(2023, "837000", false));
    }

    @Test
    void aForeignFeeIsConvertedExactlyAndKeepsItsRate() {
      fixture
          .given(REGISTERED)
          .when(
              new SetAnnualFeeCommand(
                  ID,
                  null,
                  2023,
                  null,
                  CostStatus.AMOUNT,
                  new BigDecimal("1500"),
                  "EUR",
                  new BigDecimal("11.4765"),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null))
          .expectEvents(
              new AnnualFeeSet(
                  ID,
                  2023,
                  null,
                  CostStatus.AMOUNT,
                  new BigDecimal("17214.75"),
                  "EUR",
                  new BigDecimal("1500"),
                  new BigDecimal("11.4765"),
                  ExchangeRateSource.STATED,
                  FeeBasis.FIXED,
                  null,
                  null,
                  null,
                  null,
                  false));
    }

    @Test
    void aForeignFeeWithoutARateIsRefused() {
      fixture
          .given(REGISTERED)
          .when(
              new SetAnnualFeeCommand(
                  ID,
                  null,
                  2023,
                  null,
                  CostStatus.AMOUNT,
                  new BigDecimal("1500"),
                  "EUR",
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage(
              "a fee in EUR needs the exchange rate used (SEK per EUR) or its SEK amount"
                  + " (amountSek)");
    }

    @Test
    void aForeignFeeGivenWithItsSekAmountKeepsBothAndTheRateTheyImply() {
      fixture
          .given(REGISTERED)
          .when(euroFee("1500", null, "16000"))
          .expectEvents(
              new AnnualFeeSet(
                  ID,
                  2023,
                  null,
                  CostStatus.AMOUNT,
                  new BigDecimal("16000"),
                  "EUR",
                  new BigDecimal("1500"),
                  new BigDecimal("10.666667"),
                  ExchangeRateSource.IMPLIED,
                  FeeBasis.FIXED,
                  null,
                  null,
                  null,
                  null,
                  false));
    }

    @Test
    void theSameImpliedFeeAgainWritesNothingButAStatedRateInsteadIsACorrection() {
      AnnualFeeSet implied =
          new AnnualFeeSet(
              ID,
              2023,
              null,
              CostStatus.AMOUNT,
              new BigDecimal("16000"),
              "EUR",
              new BigDecimal("1500"),
              new BigDecimal("10.666667"),
              ExchangeRateSource.IMPLIED,
              FeeBasis.FIXED,
              null,
              null,
              null,
              null,
              false);
      fixture.given(REGISTERED, implied).when(euroFee("1500", null, "16000.00")).expectNoEvents();
      fixture
          .given(REGISTERED, implied)
          .when(euroFee("1500", "11.50", null))
          .expectEvents(
              new AnnualFeeSet(
                  ID,
                  2023,
                  null,
                  CostStatus.AMOUNT,
                  new BigDecimal("17250.00"),
                  "EUR",
                  new BigDecimal("1500"),
                  new BigDecimal("11.50"),
                  ExchangeRateSource.STATED,
                  FeeBasis.FIXED,
                  null,
                  null,
                  null,
                  null,
                  true));
    }

    @Test
    void aForeignFeeWithBothARateAndASekAmountIsRefusedNamingTheSekAmount() {
      fixture
          .given(REGISTERED)
          .when(euroFee("1500", "11.50", "16000"))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage(
              "a fee in EUR gives either the exchange rate or its SEK amount (amountSek), not both");
    }

    @Test
    void aSekAmountCannotImplyARateFromNothingOrBeGivenForAFeeInSek() {
      fixture
          .given(REGISTERED)
          .when(euroFee("0", null, "16000"))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage("a fee in EUR given with its SEK amount needs a positive amount");
      fixture
          .given(REGISTERED)
          .when(euroFee("1500", null, "0"))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage("amountSek must be positive");
      fixture
          .given(REGISTERED)
          .when(euroFee("1500", null, "16000.001"))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage("amountSek has more than two decimals");
      fixture
          .given(REGISTERED)
          .when(
              new SetAnnualFeeCommand(
                  ID,
                  null,
                  2023,
                  null,
                  CostStatus.AMOUNT,
                  new BigDecimal("16000"),
                  "SEK",
                  null,
                  new BigDecimal("16000"),
                  null,
                  null,
                  null,
                  null,
                  null))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage(
              "a fee in SEK gives its amount as amount; amountSek is for a fee in another currency");
      fixture
          .given(REGISTERED)
          .when(
              new SetAnnualFeeCommand(
                  ID,
                  null,
                  2023,
                  null,
                  CostStatus.NOT_CALCULATED,
                  null,
                  null,
                  null,
                  new BigDecimal("16000"),
                  null,
                  null,
                  null,
                  null,
                  null))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage("only a fee with status AMOUNT has an amount");
    }

    @Test
    void aPerInhabitantFeeNamesItsRate() {
      fixture
          .given(REGISTERED)
          .when(
              new SetAnnualFeeCommand(
                  ID,
                  null,
                  2023,
                  null,
                  CostStatus.AMOUNT,
                  new BigDecimal("2390000"),
                  null,
                  null,
                  null,
                  FeeBasis.PER_INHABITANT,
                  new BigDecimal("4"),
                  597500L,
                  null,
                  null))
          .expectEvents(
              new AnnualFeeSet(
                  ID,
                  2023,
                  null,
                  CostStatus.AMOUNT,
                  new BigDecimal("2390000"),
                  "SEK",
                  null,
                  null,
                  null,
                  FeeBasis.PER_INHABITANT,
                  new BigDecimal("4"),
                  597500L,
                  null,
                  null,
                  false));
      fixture
          .given(REGISTERED)
          .when(
              new SetAnnualFeeCommand(
                  ID,
                  null,
                  2023,
                  null,
                  CostStatus.AMOUNT,
                  new BigDecimal("2390000"),
                  null,
                  null,
                  null,
                  FeeBasis.PER_INHABITANT,
                  null,
                  null,
                  null,
                  null))
          .expectException(ForumRuleViolation.class);
    }

    @Test
    void negativeAmountsAndReversedYearsAreRefused() {
      fixture.given(REGISTERED).when(sekFee(2023, "-1")).expectException(ForumRuleViolation.class);
      fixture.given(REGISTERED).when(noFee(2024, 2023)).expectException(ForumRuleViolation.class);
    }

    @Test
    void settingAFeeAgainForTheSameYearIsACorrection() {
      fixture
          .given(REGISTERED, sekFeeSet(2023, "837000", false))
          .when(sekFee(2023, "840000"))
          .expectEvents(sekFeeSet(2023, "840000", true));
    }

    @Test
    void settingTheSameFeeAgainWritesNothing() {
      fixture
          .given(REGISTERED, sekFeeSet(2023, "837000", false))
          .when(sekFee(2023, "837000.00"))
          .expectNoEvents();
    }

    @Test
    void aFeeReportedUnderAnotherForumNamesIt() {
      fixture
          .given(REGISTERED)
          .when(
              new SetAnnualFeeCommand(
                  ID,
                  null,
                  2023,
                  null,
                  CostStatus.REPORTED_UNDER,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  "2.14.6"))
          .expectEvents(
              new AnnualFeeSet(
                  ID,
                  2023,
                  null,
                  CostStatus.REPORTED_UNDER,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  "2.14.6",
                  false));
      fixture
          .given(REGISTERED)
          .when(
              new SetAnnualFeeCommand(
                  ID,
                  null,
                  2023,
                  null,
                  CostStatus.REPORTED_UNDER,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null))
          .expectException(ForumRuleViolation.class);
    }

    @Test
    void noFeeForAYearAfterTheForumEnded() {
      fixture
          .given(REGISTERED, ENDED)
          .when(sekFee(2025, "100"))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage(
              "fromYear 2025 begins after the forum's end on 2024-12-31: an ended forum takes no"
                  + " fact that begins after its end; reopen it first (a status change with a"
                  + " reason and a decision)")
          .expectNoEvents();
    }

    @Test
    void aFeeOfAYearBeforeTheEndIsStillRecorded() {
      fixture
          .given(REGISTERED, ENDED)
          .when(sekFee(2023, "837000"), DECISION)
          .expectEvents(sekFeeSet(2023, "837000", false));
    }

    @Test
    void aFeeIsWithdrawnOnlyWhenRecorded() {
      fixture
          .given(REGISTERED, sekFeeSet(2023, "837000", false))
          .when(new WithdrawAnnualFeeCommand(ID, null, 2023))
          .expectEvents(new AnnualFeeWithdrawn(ID, 2023));
      fixture
          .given(REGISTERED)
          .when(new WithdrawAnnualFeeCommand(ID, null, 2023))
          .expectException(ForumRuleViolation.class);
    }
  }

  @Nested
  class OtherCosts {
    static final List<CostLine> LINES =
        List.of(
            new CostLine(
                CostCategory.STAFF_TIME,
                new BigDecimal("12000"),
                new BigDecimal("20"),
                new BigDecimal("600")),
            new CostLine(CostCategory.TRAVEL, new BigDecimal("3000"), null, null));

    @Test
    void anEstimateByCategoryIsRecordedWithItsTotal() {
      fixture
          .given(REGISTERED)
          .when(new RecordOtherCostCommand(ID, null, 2023, CostStatus.AMOUNT, LINES, null))
          .expectEvents(
              new OtherCostRecorded(
                  ID, 2023, CostStatus.AMOUNT, LINES, new BigDecimal("15000"), null, false));
    }

    @Test
    void notCalculatedIsRecordedAsSuchNeverAsZero() {
      fixture
          .given(REGISTERED)
          .when(
              new RecordOtherCostCommand(
                  ID, null, 2023, CostStatus.NOT_CALCULATED, List.of(), null))
          .expectEvents(
              new OtherCostRecorded(
                  ID, 2023, CostStatus.NOT_CALCULATED, List.of(), null, null, false));
    }

    @Test
    void anEstimateNeedsLinesAndOnlyAnEstimateHasThem() {
      fixture
          .given(REGISTERED)
          .when(new RecordOtherCostCommand(ID, null, 2023, CostStatus.AMOUNT, List.of(), null))
          .expectException(ForumRuleViolation.class);
      fixture
          .given(REGISTERED)
          .when(new RecordOtherCostCommand(ID, null, 2023, CostStatus.NONE, LINES, null))
          .expectException(ForumRuleViolation.class);
    }

    @Test
    void aCorrectionReplacesTheEstimateAndAWithdrawalRemovesIt() {
      OtherCostRecorded first =
          new OtherCostRecorded(
              ID, 2023, CostStatus.AMOUNT, LINES, new BigDecimal("15000"), null, false);
      fixture
          .given(REGISTERED, first)
          .when(
              new RecordOtherCostCommand(
                  ID, null, 2023, CostStatus.REPORTED_UNDER, List.of(), "2.14.6"))
          .expectEvents(
              new OtherCostRecorded(
                  ID, 2023, CostStatus.REPORTED_UNDER, List.of(), null, "2.14.6", true));
      fixture
          .given(REGISTERED, first)
          .when(new WithdrawOtherCostCommand(ID, null, 2023))
          .expectEvents(new OtherCostWithdrawn(ID, 2023));
      fixture
          .given(REGISTERED)
          .when(new WithdrawOtherCostCommand(ID, null, 2023))
          .expectException(ForumRuleViolation.class);
    }
  }

  /** Dates and years outside the ledger's calendar, refused whoever sends the command. */
  @Nested
  class Calendar {

    @ParameterizedTest
    @ValueSource(strings = {"+99999-01-01", "-0001-01-01", "1000-01-01", "2201-01-01"})
    void aDateOutsideTheCalendarIsRefused(String text) {
      LocalDate date = LocalDate.parse(text);

      fixture
          .given(REGISTERED)
          .when(new ChangeForumStatusCommand(ID, null, ForumStatus.PAUSED, date))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage("effectiveDate must be a date from 1900-01-01 to 2200-12-31");
      fixture
          .given(REGISTERED)
          .when(
              new AppointRepresentativeCommand(
                  ID, null, "a-1", "Anna", Body.KS, Role.LEDAMOT, date, null))
          .expectException(ForumRuleViolation.class);
      fixture
          .given(REGISTERED)
          .when(
              new AppointRepresentativeCommand(
                  ID, null, "a-1", "Anna", Body.KS, Role.LEDAMOT, LocalDate.of(2023, 1, 1), date))
          .expectException(ForumRuleViolation.class);
      fixture
          .given(REGISTERED, ANNA)
          .when(new EndAppointmentCommand(ID, null, "a-1", date))
          .expectException(ForumRuleViolation.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1000, 1899, 2201, 99999})
    void aYearOutsideTheCalendarIsRefused(int year) {
      fixture
          .given(REGISTERED)
          .when(sekFee(year, "100"))
          .expectException(ForumRuleViolation.class)
          .expectExceptionMessage("fromYear must be a year from 1900 to 2200");
      fixture.given(REGISTERED).when(noFee(1900, year)).expectException(ForumRuleViolation.class);
      fixture
          .given(REGISTERED)
          .when(new RecordHeadcountCommand(ID, null, year, Body.KS, new CountRange(1, 1), null))
          .expectException(ForumRuleViolation.class);
      fixture
          .given(REGISTERED)
          .when(
              new RecordOtherCostCommand(
                  ID, null, year, CostStatus.NOT_CALCULATED, List.of(), null))
          .expectException(ForumRuleViolation.class);
    }

    @Test
    void theFirstAndLastDaysAreInTheCalendar() {
      fixture
          .given(REGISTERED)
          .when(
              new ChangeForumStatusCommand(ID, null, ForumStatus.PAUSED, LocalDate.of(1900, 1, 1)))
          .expectEvents(new ForumStatusChanged(ID, ForumStatus.PAUSED, LocalDate.of(1900, 1, 1)));
      fixture
          .given(REGISTERED)
          .when(
              new ChangeForumStatusCommand(
                  ID, null, ForumStatus.PAUSED, LocalDate.of(2200, 12, 31)))
          .expectEvents(new ForumStatusChanged(ID, ForumStatus.PAUSED, LocalDate.of(2200, 12, 31)));
    }
  }
}
