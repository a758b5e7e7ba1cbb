package org.forumledger.reporting.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class KafkaSetupTest {

  @Test
  void aDatabaseOutageIsWaitedForButAPoisonMessageIsNot() {
    assertThat(
            KafkaSetup.databaseUnavailable(
                new ListenerExecutionFailedException(
                    "failed", new CannotGetJdbcConnectionException("connection refused"))))
        .isTrue();
    assertThat(
            KafkaSetup.databaseUnavailable(
                new ListenerExecutionFailedException(
                    "failed", new UncheckedIOException(new IOException("Unreadable forum event")))))
        .isFalse();
  }
}
