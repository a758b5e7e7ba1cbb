package org.forumledger.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.forumledger.web.recording.RecordingForm;
import org.junit.jupiter.api.Test;

class CityReadsTest {

  private static City.Unit unit(String code, String name) {
    return new City.Unit(code, name, "COMMITTEE", null, null, null, null, 0L);
  }

  @Test
  void kSAndSlkComeFirstNamedByTheRegistryOnceRegisteredThenTheOthersByName() {
    List<RecordingForm.Option> options =
        CityReads.unitOptions(
            List.of(
                unit("SMN", "stadsmiljönämnden"),
                unit("SLK", "stadsledningskontoret"),
                unit("MKN", "miljö- och klimatnämnden")),
            false);

    assertThat(options)
        .extracting(RecordingForm.Option::value)
        .containsExactly("KS", "SLK", "MKN", "SMN");
    assertThat(options.get(0).labelKey()).isEqualTo("body.KS");
    assertThat(options.get(1).text()).isEqualTo("stadsledningskontoret (SLK)");
  }

  @Test
  void withoutRegisteredUnitsTheInventorysTwoBodiesAreStillOfferedAndNoneFirstWhenAsked() {
    assertThat(CityReads.unitOptions(List.of(), true))
        .extracting(RecordingForm.Option::value)
        .containsExactly("", "KS", "SLK");
  }
}
