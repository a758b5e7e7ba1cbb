package org.forumledger.registry.forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.forumledger.events.CostCategory;
import org.forumledger.events.CostStatus;
import org.forumledger.registry.forum.api.ForumRequests.CostLineRequest;
import org.forumledger.registry.forum.api.ForumRequests.OtherCostRequest;
import org.forumledger.registry.forum.api.ForumRequests.Provenance;
import org.forumledger.registry.forum.api.ForumRequests.WithdrawRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class FingerprintTest {

  static final Provenance WHY = new Provenance(LocalDate.of(2023, 1, 1), "test", null);

  static WriteRequest write(HttpMethod method, String path) {
    return new WriteRequest(method, path, null, "key", "correlation", "registrar");
  }

  static OtherCostRequest cost(String amountSek) {
    return new OtherCostRequest(
        CostStatus.AMOUNT,
        List.of(new CostLineRequest(CostCategory.TRAVEL, new BigDecimal(amountSek), null, null)),
        null,
        WHY);
  }

  @Test
  void anAmountWrittenWithTrailingZerosIsTheSameRequest() {
    WriteRequest put = write(HttpMethod.PUT, "/forums/f/other-costs/2023");

    assertThat(IdempotentRequests.fingerprint(put, cost("100.00")))
        .isEqualTo(IdempotentRequests.fingerprint(put, cost("100")))
        .isNotEqualTo(IdempotentRequests.fingerprint(put, cost("100.01")));
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
