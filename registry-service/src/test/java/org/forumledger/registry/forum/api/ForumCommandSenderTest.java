package org.forumledger.registry.forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.forumledger.registry.forum.api.ForumRequests.Provenance;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.http.HttpMethod;

class ForumCommandSenderTest {

  record Ping() {}

  @Test
  void whileACommandIsHandledTheLogsCarryTheRequestsCorrelationIdAndItsEventsDoToo() {
    SimpleCommandBus bus = SimpleCommandBus.builder().build();
    List<String> logged = new ArrayList<>();
    List<Object> carried = new ArrayList<>();
    bus.subscribe(
        Ping.class.getName(),
        command -> {
          logged.add(MDC.get("correlationId"));
          carried.add(command.getMetaData().get("correlationId"));
          return null;
        });
    ForumCommandSender sender =
        new ForumCommandSender(DefaultCommandGateway.builder().commandBus(bus).build());

    sender.sendAndWait(
        new Ping(),
        new Provenance(LocalDate.of(2024, 1, 1), "a reason", null),
        new WriteRequest(HttpMethod.PUT, "/forums/x/status", null, null, "req-42", "registrar"));

    assertThat(logged).containsExactly("req-42");
    assertThat(carried).containsExactly("req-42");
    assertThat(MDC.get("correlationId")).as("cleared after the command").isNull();
  }
}
