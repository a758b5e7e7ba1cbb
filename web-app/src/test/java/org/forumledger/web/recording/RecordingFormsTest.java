package org.forumledger.web.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;

class RecordingFormsTest {

  private static Submission typed(String form, Map<String, String> values) {
    var data = new LinkedMultiValueMap<String, String>();
    values.forEach(data::add);
    data.add("effectiveDate", "2024-01-01");
    data.add("reason", "Beslut");
    return Submission.of(form, data);
  }

  private static RecordingForm form(String action) {
    return RecordingForms.byAction(action).orElseThrow();
  }

  @Test
  void aHeadcountGoesToItsYearAndBodyWithTheRangeNestedAndAMissingMaximumTheMinimum() {
    Submission s = typed("headcount", Map.of("year", "2024", "body", "SLK", "headcountMin", "2"));

    RecordingForm.Write write = form("headcounts").write().apply(s);

    assertThat(write.method()).isEqualTo(HttpMethod.PUT);
    assertThat(write.path()).isEqualTo("/headcounts/2024/SLK");
    assertThat(write.body())
        .containsEntry("headcount", Map.of("min", "2", "max", "2"))
        .containsEntry("effectiveDate", "2024-01-01")
        .containsEntry("reason", "Beslut");
  }

  @Test
  void aFeeInEuroMayGoWithItsSekAmountInsteadOfARate() {
    Submission s =
        typed(
            "fee",
            Map.of(
                "fromYear", "2023",
                "status", "AMOUNT",
                "amount", "1500",
                "currency", "EUR",
                "amountSek", "16000"));

    RecordingForm.Write write = form("fees").write().apply(s);

    assertThat(write.path()).isEqualTo("/fees/2023");
    assertThat(write.body()).containsEntry("currency", "EUR").doesNotContainKey("exchangeRate");
    assertThat(String.valueOf(write.body().get("amountSek"))).isEqualTo("16000");
    assertThat(String.valueOf(write.body().get("amount"))).isEqualTo("1500");
  }

  @Test
  void aValueThatWouldGoIntoTheRegistrysAddressIsCheckedBeforeAnythingIsSent() {
    assertThat(
            form("headcounts").unsendable(typed("headcount", Map.of("year", "24", "body", "KS"))))
        .extracting(RecordingForm.Field::name)
        .isEqualTo("year");
    assertThat(
            form("headcounts")
                .unsendable(typed("headcount", Map.of("year", "2024", "body", "KS/../X"))))
        .extracting(RecordingForm.Field::name)
        .isEqualTo("body");
    // any registered unit's code may be sent; the registry refuses one it does not know (422)
    assertThat(
            form("headcounts")
                .unsendable(typed("headcount", Map.of("year", "2024", "body", "MKN"))))
        .isNull();
    assertThat(
            form("appointment-endings")
                .unsendable(typed("endAppointment", Map.of("endedOn", "2024-06-30"))))
        .extracting(RecordingForm.Field::name)
        .isEqualTo("appointmentId");
  }

  @Test
  void withdrawalsDeleteWithOnlyTheProvenanceAndEndingsNameTheAppointment() {
    RecordingForm.Write fee =
        form("fee-withdrawals").write().apply(typed("withdrawFee", Map.of("fromYear", "2023")));
    assertThat(fee.method()).isEqualTo(HttpMethod.DELETE);
    assertThat(fee.path()).isEqualTo("/fees/2023");
    assertThat(fee.body()).containsOnlyKeys("effectiveDate", "reason");

    RecordingForm.Write ending =
        form("appointment-endings")
            .write()
            .apply(
                typed("endAppointment", Map.of("appointmentId", "a-1", "endedOn", "2024-06-30")));
    assertThat(ending.path()).isEqualTo("/representatives/a-1/ending");
    assertThat(ending.body()).containsEntry("endedOn", "2024-06-30");
  }

  @Test
  void everyFormHasItsOwnNameAndAddress() {
    Set<String> names = new HashSet<>();
    Set<String> actions = new HashSet<>();
    List<RecordingForm> all = RecordingForms.ALL;
    for (RecordingForm form : all) {
      assertThat(names.add(form.name())).as(form.name()).isTrue();
      assertThat(actions.add(form.action())).as(form.action()).isTrue();
    }
    assertThat(names)
        .contains("details", "classification", "appoint", "endAppointment", "headcount")
        .contains("withdrawFee", "withdrawOtherCost", "fee", "otherCost", "status");
  }
}
