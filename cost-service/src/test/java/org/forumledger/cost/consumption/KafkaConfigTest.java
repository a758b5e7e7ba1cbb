package org.forumledger.cost.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class KafkaConfigTest {

  @Test
  void aDatabaseOutageIsWaitedForButAPoisonMessageIsNot() {
    assertThat(
            KafkaConfig.databaseUnavailable(
                new ListenerExecutionFailedException(
                    "failed", new CannotGetJdbcConnectionException("connection refused"))))
        .isTrue();
    assertThat(
            KafkaConfig.databaseUnavailable(
                new ListenerExecutionFailedException(
                    "failed",
                    new UncheckedIOException(new java.io.IOException("Unreadable forum event")))))
        .isFalse();
  }
}
