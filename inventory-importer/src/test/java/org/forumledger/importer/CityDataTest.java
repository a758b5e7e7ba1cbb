package org.forumledger.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.forumledger.events.Body;
import org.forumledger.events.MandatePeriod;
import org.forumledger.events.UnitKind;
import org.forumledger.importer.CityData.GoalEntry;
import org.forumledger.importer.CityData.UnitEntry;
import org.junit.jupiter.api.Test;

/**
 * The shipped units and goals are the report's: every phrase they are taken from occurs in the
 * reference text word for word (line breaks read as spaces), and no date or reference is added.
 */
class CityDataTest {

  static final String REFERENCE = "goteborg-natverk-och-samarbeten-2023.txt";

  /** The reference text, kept in the repository beside the data taken from it. */
  static String referenceText() throws IOException {
    Path file = Path.of("..", "data", "reference", REFERENCE);
    return normalised(Files.readString(file, StandardCharsets.UTF_8));
  }

  static String normalised(String text) {
    return text.replaceAll("\\s+", " ");
  }

  @Test
  void everyUnitAndGoalCarriesAPhraseFoundVerbatimInTheReferenceText() throws IOException {
    String text = referenceText();
    CityData data = CityData.shipped();

    assertThat(data.units()).hasSize(10);
    assertThat(data.goals()).hasSize(5);
    for (UnitEntry unit : data.units()) {
      assertThat(unit.phrase()).as(unit.code()).isNotBlank();
      assertThat(text).as("phrase of unit %s", unit.code()).contains(normalised(unit.phrase()));
    }
    for (GoalEntry goal : data.goals()) {
      assertThat(goal.phrase()).as(goal.goalId()).isNotBlank();
      assertThat(text).as("phrase of goal %s", goal.goalId()).contains(normalised(goal.phrase()));
    }
    // the document: its case number and its title, as the text prints them
    assertThat(data.document()).startsWith("SLK-2023-01081 ");
    assertThat(text).contains("Ärendenummer SLK-2023-01081");
    assertThat(text).contains(data.document().substring("SLK-2023-01081 ".length()));
    assertThat(text).contains("Utfärdat " + data.effectiveDate());
  }

  @Test
  void theUnitsAreTheCitysOwnBodiesWithoutInventedDates() {
    CityData data = CityData.shipped();

    assertThat(data.units())
        .extracting(UnitEntry::code)
        .containsExactly("KS", "SLK", "MKN", "SMN", "MF", "SMF", "KUF", "DMS", "SFH", "SFNO");
    assertThat(data.units())
        .extracting(UnitEntry::name)
        .contains("kommunstyrelsen", "miljö- och klimatnämnden", "stadsmiljönämnden");
    for (UnitEntry unit : data.units()) {
      assertThat(Body.CODE.matcher(unit.code()).matches()).as(unit.code()).isTrue();
      assertThat(UnitKind.valueOf(unit.kind())).isNotNull();
      assertThat(unit.validFrom()).as("no date is stated for %s", unit.code()).isNull();
      assertThat(unit.validTo()).as("no date is stated for %s", unit.code()).isNull();
      assertThat(unit.partOf()).isNull();
    }
    // other organisations' bodies the text names are not the city's units
    assertThat(data.units())
        .extracting(UnitEntry::name)
        .noneMatch(name -> name.contains("kollektivtrafiknämnd") || name.contains("VGR"));
  }

  @Test
  void theGoalsAreThoseOfTheMandatePeriodWithCompetenceSupplyAmongThem() {
    CityData data = CityData.shipped();

    assertThat(data.goals())
        .extracting(GoalEntry::goalId)
        .containsExactly(
            "kompetensforsorjning-2023",
            "social-hallbarhet-2023",
            "segregation-2023",
            "ekologisk-hallbarhet-2023",
            "miljo-och-klimat-2023");
    for (GoalEntry goal : data.goals()) {
      assertThat(MandatePeriod.parse(goal.period())).isEqualTo(new MandatePeriod(2023, 2026));
      assertThat(goal.budgetReference()).as("no budget reference is stated").isNull();
    }
    assertThat(data.goals().get(0).phrase())
        .isEqualTo("Kompetensförsörjningen är ett av kommunfullmäktiges budgetmål");
    assertThat(data.assumptions()).anyMatch(a -> a.contains("2023-2026"));
  }
}
