package org.forumledger.registry.forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.forumledger.events.CostStatus;
import org.forumledger.registry.forum.api.ForumRequests.Provenance;
import org.forumledger.registry.forum.api.ForumRequests.SetFeeRequest;
import org.forumledger.registry.forum.api.ForumRequests.WithdrawRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class FingerprintTest {

  static final Provenance WHY = new Provenance(LocalDate.of(2023, 1, 1), "test", null);

  static WriteRequest write(HttpMethod method, String path) {
    return new WriteRequest(method, path, null, "key", "correlation", "registrar");
  }

  static SetFeeRequest fee(String amount) {
    return new SetFeeRequest(
        null,
        CostStatus.AMOUNT,
        new BigDecimal(amount),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        WHY);
  }

  @Test
  void anAmountWrittenWithTrailingZerosIsTheSameRequest() {
    WriteRequest put = write(HttpMethod.PUT, "/forums/f/fees/2023");

    assertThat(IdempotentRequests.fingerprint(put, fee("100.00")))
        .isEqualTo(IdempotentRequests.fingerprint(put, fee("100")))
        .isNotEqualTo(IdempotentRequests.fingerprint(put, fee("100.01")));
  }

  @Test
  void theMethodAndThePathAreOfTheRequest() {
    WithdrawRequest body = new WithdrawRequest(WHY);

    assertThat(
            IdempotentRequests.fingerprint(write(HttpMethod.DELETE, "/forums/f/fees/2023"), body))
        .isNotEqualTo(
            IdempotentRequests.fingerprint(write(HttpMethod.PUT, "/forums/f/fees/2023"), body))
        .isNotEqualTo(
            IdempotentRequests.fingerprint(write(HttpMethod.DELETE, "/forums/f/fees/2024"), body));
  }

  @Test
  void theProvenanceIsWrittenAtTheTopLevelAsOnTheWire() {
    assertThat(CanonicalJson.of(new WithdrawRequest(WHY)))
        .isEqualTo(
            "{\"decisionReference\":null,\"effectiveDate\":\"2023-01-01\",\"reason\":\"test\"}");
  }
}
