package org.forumledger.registry.publication;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PublicationConfiguration {

  /**
   * A failed publication must stop the processor and be retried, never be logged and skipped:
   * skipping would lose the event for every consumer.
   */
  @Bean
  public ConfigurerModule publicationFailuresAreRetried() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(
                KafkaPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
  }
}
