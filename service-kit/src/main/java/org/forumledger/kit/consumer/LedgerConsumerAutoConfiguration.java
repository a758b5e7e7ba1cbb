package org.forumledger.kit.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.forumledger.events.Topics;
import org.forumledger.events.seal.KeyFiles;
import org.forumledger.events.seal.KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The consumer side for a service that declares an {@link EventProjection} and {@link
 * HandledEvents}: the listener, its dead-letter topic and error handling. Its group is {@code
 * spring.kafka.consumer.group-id}. Every record is verified against the registry's public keys
 * ({@link VerificationProperties}) and chain ({@link VerifiedChain}) before it is applied.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean({EventProjection.class, HandledEvents.class})
@EnableConfigurationProperties(VerificationProperties.class)
public class LedgerConsumerAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LedgerConsumerAutoConfiguration.class);

  /** The registry's public keys this service checks every record's seal with. */
  @Bean
  @ConditionalOnMissingBean
  KeyRing registryKeys(VerificationProperties properties) {
    KeyRing configured = KeyRing.ofBase64(properties.keysById());
    if (properties.keyDir() != null && !properties.keyDir().isBlank()) {
      return configured.or(KeyFiles.ring(Path.of(properties.keyDir())));
    }
    if (properties.keysById().isEmpty()) {
      log.warn(
          "No registry public keys configured (LEDGER_VERIFICATION_KEYS, ledger.verification.public-keys"
              + " or LEDGER_VERIFICATION_KEY_DIR):"
              + " every record will be parked as signed by an unknown key");
    }
    return configured;
  }

  @Bean
  @ConditionalOnMissingBean
  VerifiedChain verifiedChain(JdbcTemplate jdbc) {
    return new JdbcVerifiedChain(jdbc);
  }

  @Bean
  RejectedEvents eventVerificationHealthIndicator(MeterRegistry meters, Clock clock) {
    return new RejectedEvents(meters, clock);
  }

  @Bean
  ApplyOnce applyOnce(
      HandledEvents handled,
      EventProjection projection,
      PlatformTransactionManager transactions,
      KeyRing registryKeys,
      VerifiedChain chain) {
    return new ApplyOnce(
        handled, projection, new TransactionTemplate(transactions), registryKeys, chain);
  }

  /** {@code GET /chain/head}: the chain this service holds (see {@link HeldChain}). */
  @Bean
  RouterFunction<ServerResponse> heldChainRoute(
      ApplyOnce applyOnce, PlatformTransactionManager transactions) {
    TransactionTemplate snapshot = HeldChain.snapshot(transactions);
    return RouterFunctions.route(
        RequestPredicates.GET("/chain/head"),
        request ->
            Mono.fromCallable(() -> HeldChain.read(applyOnce, snapshot))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(held -> ServerResponse.ok().bodyValue(held)));
  }

  @Bean
  ForumEventConsumer forumEventConsumer(ApplyOnce applyOnce, MeterRegistry meters) {
    return new ForumEventConsumer(applyOnce, meters);
  }

  @Bean
  NewTopic deadLetterTopic(
      @Value("${spring.kafka.consumer.group-id}") String group,
      @Value(TopicReplication.REPLICAS) int replicas,
      @Value(TopicReplication.MIN_IN_SYNC) int minInSync) {
    return new TopicReplication(replicas, minInSync)
        .applyTo(
            TopicBuilder.name(Topics.deadLetter(group)).partitions(Topics.FORUM_EVENTS_PARTITIONS))
        .build();
  }

  @Bean
  DefaultErrorHandler deadLetteringErrorHandler(
      KafkaOperations<?, ?> template,
      MeterRegistry meters,
      @Value("${spring.kafka.consumer.group-id}") String group,
      RejectedEvents rejections) {
    return DeadLetters.errorHandler(template, meters, group, rejections);
  }
}
