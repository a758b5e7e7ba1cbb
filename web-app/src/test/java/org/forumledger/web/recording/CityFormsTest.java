package org.forumledger.web.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;

class CityFormsTest {

  private static Submission typed(String form, String... pairs) {
    var data = new LinkedMultiValueMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) {
      data.add(pairs[i], pairs[i + 1]);
    }
    return Submission.of(form, data);
  }

  @Test
  void aUnitGoesToItsCodeWithItsSourceNestedAndNoSourceWhenNoneWasGiven() {
    RecordingForm.Write sourced =
        CityForms.UNIT
            .write()
            .apply(
                typed(
                    "unit",
                    "code",
                    "MKN",
                    "name",
                    "miljö- och klimatnämnden",
                    "kind",
                    "COMMITTEE",
                    "sourceDocument",
                    "SLK-2023-01081",
                    "sourcePhrase",
                    "miljö- och klimatnämndens ansvarsområde",
                    "effectiveDate",
                    "2024-05-02",
                    "reason",
                    "Nämnd i underlaget"));
    RecordingForm.Write bare =
        CityForms.UNIT
            .write()
            .apply(typed("unit", "code", "SBN", "name", "x", "kind", "COMMITTEE"));

    assertThat(sourced.method()).isEqualTo(HttpMethod.PUT);
    assertThat(sourced.path()).isEqualTo("/units/MKN");
    assertThat(sourced.body())
        .containsEntry("kind", "COMMITTEE")
        .containsEntry(
            "source",
            Map.of(
                "document", "SLK-2023-01081", "phrase", "miljö- och klimatnämndens ansvarsområde"))
        .containsEntry("reason", "Nämnd i underlaget")
        .doesNotContainKey("code");
    assertThat(bare.body()).doesNotContainKeys("source", "partOf", "validFrom");
  }

  @Test
  void aCodeThatCannotGoIntoTheAddressIsRefusedBeforeAnythingIsSent() {
    assertThat(CityForms.UNIT.unsendable(typed("unit", "code", "../forums", "kind", "COMMITTEE")))
        .extracting(RecordingForm.Field::name)
        .isEqualTo("code");
    assertThat(CityForms.UNIT.unsendable(typed("unit", "code", "MKN", "kind", "COMMITTEE")))
        .isNull();
  }

  @Test
  void anAssessmentSendsEveryGoalTickedAndOnlyTheDetailItsRecommendationsKindHas() {
    var data = new LinkedMultiValueMap<String, String>();
    data.add("necessity", "NOT_NECESSARY");
    data.add("rationale", "SLK deltar för staden");
    data.add("goalIds", "kompetens");
    data.add("goalIds", "klimat");
    data.add("recommendationKind", "COORDINATE");
    data.add("recommendationLeaveFrom", "2025-01-01");
    data.add("recommendationCoordinateWith", "SLK");
    data.add("recommendationMergeWithForumId", "");

    RecordingForm.Write write = CityForms.ASSESS.write().apply(Submission.of("assess", data));

    Map<String, Object> course = new LinkedHashMap<>();
    course.put("kind", "COORDINATE");
    course.put("leaveFrom", null);
    course.put("coordinateWith", "SLK");
    course.put("mergeWithForumId", null);
    assertThat(write.path()).isEmpty();
    assertThat(write.body())
        .containsEntry("goalIds", List.of("kompetens", "klimat"))
        .containsEntry("recommendation", course)
        .containsEntry("necessity", "NOT_NECESSARY");
  }

  @Test
  void aDecisionNestsItsCourseAndKeepsItsReferenceAndDayAtTheTop() {
    RecordingForm.Write write =
        CityForms.DECIDE
            .write()
            .apply(
                typed(
                    "decide",
                    "decisionKind",
                    "LEAVE",
                    "decisionLeaveFrom",
                    "2025-01-01",
                    "decisionReference",
                    "KS 2024-11-20 § 901",
                    "decidedOn",
                    "2024-11-20"));

    assertThat(write.body())
        .containsEntry("decisionReference", "KS 2024-11-20 § 901")
        .containsEntry("decidedOn", "2024-11-20");
    assertThat(write.body().get("decision"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("kind", "LEAVE")
        .containsEntry("leaveFrom", "2025-01-01");
  }

  @Test
  void aReviewOpensWithTheUnitsTickedAndWithoutUnitsWhenNoneWere() {
    var data = new LinkedMultiValueMap<String, String>();
    data.add("reviewId", "2024-natverk");
    data.add("title", "Översyn");
    data.add("period", "2023-2026");
    data.add("decisionReference", "KS 2024-04-17 § 300");
    data.add("openedOn", "2024-05-01");
    data.add("units", "KS");
    data.add("units", "SLK");

    RecordingForm.Write write = CityForms.OPEN_REVIEW.write().apply(Submission.of("review", data));
    data.remove("units");
    RecordingForm.Write all = CityForms.OPEN_REVIEW.write().apply(Submission.of("review", data));

    assertThat(write.method()).isEqualTo(HttpMethod.POST);
    assertThat(write.path()).isEqualTo("/reviews");
    assertThat(write.body())
        .containsEntry("units", List.of("KS", "SLK"))
        .containsEntry("reviewId", "2024-natverk");
    assertThat(all.body()).doesNotContainKey("units");
  }

  @Test
  void aParticipationsGoalsGoToItsUnitUnderTheForum() {
    var data = new LinkedMultiValueMap<String, String>();
    data.add("body", "MKN");
    data.add("goalIds", "klimat");
    data.add("benefitForResidents", "Renare luft");
    data.add("effectiveDate", "2024-05-02");
    data.add("reason", "Enligt underlaget");

    RecordingForm.Write write =
        RecordingForms.byAction("goals").orElseThrow().write().apply(Submission.of("goals", data));

    assertThat(write.path()).isEqualTo("/goals/MKN");
    assertThat(write.body())
        .containsEntry("goalIds", List.of("klimat"))
        .containsEntry("benefitForResidents", "Renare luft")
        .containsEntry("effectiveDate", "2024-05-02");
  }

  @Test
  void theRegistrysNestedFieldNamesLandOnTheFormsOwnFields() {
    Set<String> assess = Set.copyOf(CityForms.ASSESS.fieldNames());
    Set<String> decide = Set.copyOf(CityForms.DECIDE.fieldNames());
    Set<String> unit = Set.copyOf(CityForms.UNIT.fieldNames());

    assertThat(RegistryWrites.formField("recommendation.leaveFrom", assess))
        .isEqualTo("recommendationLeaveFrom");
    assertThat(RegistryWrites.formField("recommendation", assess)).isEqualTo("recommendation");
    assertThat(RegistryWrites.formField("decision.kind", decide)).isEqualTo("decisionKind");
    assertThat(RegistryWrites.formField("source.phrase", unit)).isEqualTo("sourcePhrase");
    assertThat(RegistryWrites.formField("headcount.max", Set.of())).isEqualTo("headcountMax");
  }
}
