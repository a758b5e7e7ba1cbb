package org.forumledger.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.forumledger.kit.problem.ProblemHandler;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLettersTest {

  @Test
  void aDatabaseThatIsAwayIsWaitedForWhereverItIsInTheChain() {
    assertThat(
            ProblemHandler.databaseUnavailable(
                new ListenerExecutionFailedException(
                    "listener failed",
                    new CannotGetJdbcConnectionException(
                        "no connection", new SQLException("refused", "08001")))))
        .isTrue();
    assertThat(ProblemHandler.databaseUnavailable(new SQLException("terminating", "57P01")))
        .isTrue();
    assertThat(ProblemHandler.databaseUnavailable(new RuntimeException(new ConnectException())))
        .isTrue();
  }

  @Test
  void aBrokenRuleOrABugIsNotWaitedFor() {
    assertThat(ProblemHandler.databaseUnavailable(new DataIntegrityViolationException("dup")))
        .isFalse();
    assertThat(ProblemHandler.databaseUnavailable(new SQLException("syntax", "42601"))).isFalse();
    assertThat(ProblemHandler.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
  }
}
