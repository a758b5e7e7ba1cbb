package org.forumledger.web.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class SubmissionTest {

  @Test
  void theBodyCarriesWhatWasTypedWithSwedishNumbersUndoneAndBlanksLeftOut() {
    var form = new LinkedMultiValueMap<String, String>();
    form.add("_csrf", "token");
    form.add("version", "4");
    form.add("idempotencyKey", "key-1");
    form.add("amount", "1\u00a0500,50");
    form.add("status", "AMOUNT");
    form.add("toYear", "");
    form.add("effectiveDate", "2024-01-01");
    form.add("reason", " Avtal ");

    Submission fee = Submission.of("fee", form);

    assertThat(fee.version()).isEqualTo(4L);
    assertThat(fee.idempotencyKey()).isEqualTo("key-1");
    assertThat(fee.typed()).doesNotContainKeys("_csrf", "version", "idempotencyKey");
    assertThat(fee.body(Set.of("amount", "toYear"), "status", "amount", "toYear"))
        .containsExactly(
            java.util.Map.entry("status", "AMOUNT"),
            java.util.Map.entry("amount", "1500.50"),
            java.util.Map.entry("effectiveDate", "2024-01-01"),
            java.util.Map.entry("reason", "Avtal"));
  }
}
