package org.forumledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BodyTest {

  final ObjectMapper json = EventJson.mapper();

  @Test
  void aUnitIsItsBareCodeOnTheWireAsTheTwoBodiesOf2023Were() throws Exception {
    assertThat(json.writeValueAsString(Body.KS)).isEqualTo("\"KS\"");
    assertThat(json.readValue("\"SLK\"", Body.class)).isEqualTo(Body.SLK);
    assertThat(json.readValue("\"MKN\"", Body.class)).isEqualTo(Body.of("MKN"));
  }

  @Test
  void onlyKsAndSlkAreBodiesOfThe2023Inventory() {
    assertThat(Body.valueOf("KS").ofTheInventory2023()).isTrue();
    assertThat(Body.of("SLK").ofTheInventory2023()).isTrue();
    assertThat(Body.of("MKN").ofTheInventory2023()).isFalse();
  }

  @Test
  void aCodeIsUpperCaseLettersDigitsAndHyphens() {
    assertThat(Body.of("SMN-2").code()).isEqualTo("SMN-2");
    assertThatThrownBy(() -> Body.of("ks")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Body.of("K")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Body.of("2KS")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachCourseOfActionHasItsOneDetail() {
    assertThat(CourseOfAction.leave(java.time.LocalDate.of(2025, 1, 1)).complete()).isTrue();
    assertThat(CourseOfAction.toContinue().complete()).isTrue();
    assertThat(new CourseOfAction(CourseOfAction.Kind.LEAVE, null, null, null).complete())
        .isFalse();
    assertThat(new CourseOfAction(CourseOfAction.Kind.CONTINUE, null, Body.KS, null).complete())
        .isFalse();
  }
}
