package org.forumledger.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class AmountsTest {

  private final Amounts amounts = new Amounts();

  @Test
  void tkrHaveOneDecimalSwedishGroupingAndRoundHalfUpOnlyAtPresentation() {
    assertThat(amounts.tkr(new BigDecimal("7905000"))).isEqualTo("7\u00a0905,0");
    assertThat(amounts.tkr(new BigDecimal("1450"))).isEqualTo("1,5");
    assertThat(amounts.tkr(new BigDecimal("1449.99"))).isEqualTo("1,4");
    assertThat(amounts.tkr(null)).isEqualTo("0,0");
  }

  @Test
  void aSliceTakesTheServicesInstantOrThePickersLocalTimeAndKeepsBothInLinks() {
    var query = new LinkedMultiValueMap<String, String>();
    query.add("asOf", "2024-03-31");
    query.add("knownAt", "2024-04-01T10:15");
    TimeSlice slice = TimeSlice.from(query);

    assertThat(slice.asOf()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(slice.knownAt()).isEqualTo(Instant.parse("2024-04-01T08:15:00Z"));
    assertThat(slice.knownAtInput()).isEqualTo("2024-04-01T10:15");
    assertThat(slice.link("/forums"))
        .isEqualTo("/forums?asOf=2024-03-31&knownAt=2024-04-01T08:15:00Z");
    assertThat(TimeSlice.from(new LinkedMultiValueMap<>()).current()).isTrue();
  }
}
