package org.forumledger.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegistryClientTest {

  @Test
  void feeBodyIsPlainJsonWithExactAmountsAndIsoDates() {
    Object fee = RowMapper.map(InventoryFixtures.realRow("2.2.10")).plan().step("fees/2023").body();

    String json = new String(RegistryClient.json(fee), StandardCharsets.UTF_8);

    assertThat(json)
        .contains("\"amount\":837000")
        .contains("\"currency\":\"SEK\"")
        .contains("\"status\":\"AMOUNT\"")
        .contains("\"basis\":\"FIXED\"")
        .contains("\"effectiveDate\":\"2023-01-01\"")
        .contains("\"decisionReference\":\"SLK-2023-01081\"")
        .doesNotContain("E+");
  }

  @Test
  void forumIdComesFromTheLocationHeader() {
    assertThat(RegistryClient.forumIdFrom("/forums/0b7c")).contains("0b7c");
    assertThat(RegistryClient.forumIdFrom("http://localhost:8081/forums/0b7c")).contains("0b7c");
    assertThat(RegistryClient.forumIdFrom("/forums/")).isEmpty();
    assertThat(RegistryClient.forumIdFrom("/somewhere/else")).isEmpty();
  }

  @Test
  void problemJsonBecomesTitleDetailAndFieldErrors() {
    String body =
        "{\"type\":\"https://forumledger.org/problems/invalid-fields\",\"title\":\"Invalid fields\","
            + "\"status\":400,\"detail\":\"One or more fields are missing or invalid.\","
            + "\"errors\":[{\"field\":\"name\",\"message\":\"must not be blank\"}]}";

    assertThat(RegistryClient.problemText(body))
        .isEqualTo(
            " (Invalid fields): One or more fields are missing or invalid. [name: must not be blank]");
  }

  @Test
  void aBodyThatIsNotAProblemIsQuotedShort() {
    assertThat(RegistryClient.problemText("<html>\n Bad gateway </html>"))
        .isEqualTo(": <html> Bad gateway </html>");
    assertThat(RegistryClient.problemText("")).isEmpty();
    assertThat(RegistryClient.problemText("x".repeat(400))).hasSize(2 + 300 + 1);
  }
}
