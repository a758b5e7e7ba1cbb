package org.forumledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A change to the wire format of a published event fails here first. */
class EventSamplesTest {

  @ParameterizedTest
  @EnumSource(ForumEventType.class)
  void storedSampleRoundTripsUnchanged(ForumEventType type) throws IOException {
    byte[] sample = sample(type);

    EventEnvelope envelope = EventJson.read(sample).orElseThrow();
    JsonNode rewritten = EventJson.mapper().readTree(EventJson.write(envelope));

    assertThat(envelope.payload()).isInstanceOf(type.eventClass());
    assertThat(envelope.metadata().eventType()).isEqualTo(type.logicalName());
    assertThat(rewritten).isEqualTo(EventJson.mapper().readTree(sample));
  }

  @ParameterizedTest
  @EnumSource(ForumEventType.class)
  void catalogueVersionIsTheStoredRevision(ForumEventType type) {
    Revision revision = type.eventClass().getAnnotation(Revision.class);

    assertThat(revision).as("@Revision on %s", type.eventClass().getSimpleName()).isNotNull();
    assertThat(revision.value()).isEqualTo(String.valueOf(type.version()));
  }

  @ParameterizedTest
  @EnumSource(ForumEventType.class)
  void theMetadataNamesThePayloadsStream(ForumEventType type) throws IOException {
    EventEnvelope envelope = EventJson.read(sample(type)).orElseThrow();

    assertThat(envelope.metadata().forumId()).isEqualTo(envelope.payload().streamId());
    assertThat(envelope.forumEvent() != null).isEqualTo(type.logicalName().startsWith("forum."));
  }

  @Test
  void costRatesAreAStreamOfTheirOwnPerYear() throws IOException {
    CostRatesRecorded rates =
        (CostRatesRecorded)
            EventJson.read(sample(ForumEventType.COST_RATES_RECORDED)).orElseThrow().payload();

    assertThat(rates.streamId()).isEqualTo("cost-rates-2024");
    assertThat(rates.hourlyCostSek()).isEqualByComparingTo("457.375");
    assertThat(rates.travelPrices()).hasSize(2);
  }

  @Test
  void anAnnualFeeSetOfVersionOneStillOnTheTopicReadsWithItsRateStated() throws IOException {
    EventEnvelope envelope = EventJson.read(sample("forum.AnnualFeeSet", 1)).orElseThrow();

    AnnualFeeSet fee = (AnnualFeeSet) envelope.payload();
    assertThat(envelope.metadata().eventVersion()).isEqualTo(1);
    assertThat(fee.exchangeRate()).isEqualByComparingTo("11.50");
    assertThat(fee.exchangeRateSource()).isEqualTo(ExchangeRateSource.STATED);
    assertThat(fee.amountSek()).isEqualByComparingTo("17250.00");
  }

  @Test
  void aVersionOneFeeWithoutRateGetsNoRateSource() throws IOException {
    ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(sample("forum.AnnualFeeSet", 1));
    ((ObjectNode) tree.get("payload")).put("currency", "SEK").putNull("exchangeRate");

    AnnualFeeSet fee = (AnnualFeeSet) EventJson.read(tree).orElseThrow().payload();

    assertThat(fee.exchangeRateSource()).isNull();
    assertThat(tree.get("payload").has("exchangeRateSource"))
        .as("the tree read is not changed")
        .isFalse();
  }

  @Test
  void theSampleOfVersionTwoCarriesAnImpliedRate() throws IOException {
    AnnualFeeSet fee =
        (AnnualFeeSet)
            EventJson.read(sample(ForumEventType.ANNUAL_FEE_SET)).orElseThrow().payload();

    assertThat(fee.exchangeRateSource()).isEqualTo(ExchangeRateSource.IMPLIED);
    assertThat(fee.exchangeRate())
        .isEqualTo(AnnualFeeSet.impliedRate(new BigDecimal("16000"), new BigDecimal("1500")));
    assertThat(fee.exchangeRate()).isEqualTo(new BigDecimal("10.666667"));
  }

  @Test
  void aHeadcountOfVersionOneStillReadsWithItsCountAndVersionTwoMayKeepOnlyTheWords()
      throws IOException {
    HeadcountRecorded v1 =
        (HeadcountRecorded)
            EventJson.read(sample("forum.HeadcountRecorded", 1)).orElseThrow().payload();
    HeadcountRecorded v2 =
        (HeadcountRecorded)
            EventJson.read(sample(ForumEventType.HEADCOUNT_RECORDED)).orElseThrow().payload();

    assertThat(v1.headcount()).isEqualTo(new CountRange(1, 2));
    assertThat(v1.countUnknown()).isFalse();
    assertThat(v2.countUnknown()).isTrue();
    assertThat(v2.asWritten()).isEqualTo("2 per forum");
  }

  @Test
  void aVersionNewerThanTheCatalogueStaysUnknown() throws IOException {
    ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(sample("forum.AnnualFeeSet", 1));
    ((ObjectNode) tree.get("metadata")).put("eventVersion", 3);

    assertThat(EventJson.read(tree)).isEmpty();
    assertThat(ForumEventType.find("forum.AnnualFeeSet", 0)).isEmpty();
  }

  private static byte[] sample(ForumEventType type) throws IOException {
    return sample(type.logicalName(), type.version());
  }

  private static byte[] sample(String logicalName, int version) throws IOException {
    String name = "/samples/" + logicalName + ".v" + version + ".json";
    try (InputStream in = EventSamplesTest.class.getResourceAsStream(name)) {
      assertThat(in).as("sample %s", name).isNotNull();
      return in.readAllBytes();
    }
  }
}
