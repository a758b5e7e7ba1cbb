package org.forumledger.registry.eventstore;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.forumledger.events.EventJson;
import org.forumledger.events.MetadataKeys;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon stores events, messages and tokens as JSON through the contract's one mapper, so what is in
 * the store reads the same whatever the framework versions (XStream would also refuse our records).
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

  @Bean
  @Primary
  public Serializer serializer() {
    return JacksonSerializer.builder().objectMapper(EventJson.newMapper()).defaultTyping().build();
  }

  @Bean
  @Qualifier("messageSerializer")
  public Serializer messageSerializer() {
    return JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
  }

  @Bean
  @Qualifier("eventSerializer")
  public Serializer eventSerializer() {
    return JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
  }

  @Bean
  public ForumRegisteredV1Upcaster forumRegisteredV1Upcaster() {
    return new ForumRegisteredV1Upcaster();
  }

  @Bean
  public AnnualFeeSetV1Upcaster annualFeeSetV1Upcaster() {
    return new AnnualFeeSetV1Upcaster();
  }

  @Bean
  public HeadcountRecordedV1Upcaster headcountRecordedV1Upcaster() {
    return new HeadcountRecordedV1Upcaster();
  }

  /** Copies the request's provenance from each command onto every event it causes. */
  @Bean
  public CorrelationDataProvider provenanceCorrelation() {
    return new SimpleCorrelationDataProvider(
        MetadataKeys.ACTOR,
        MetadataKeys.REASON,
        MetadataKeys.DECISION_REFERENCE,
        MetadataKeys.EFFECTIVE_DATE,
        MetadataKeys.CORRELATION_ID);
  }

  /**
   * Axon's own origin tracking, under a key that does not overwrite the request's correlation id.
   */
  @Bean
  public CorrelationDataProvider messageOrigin() {
    return new MessageOriginProvider("messageOrigin", "traceId");
  }
}
