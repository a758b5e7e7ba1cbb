package org.forumledger.registry.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Configuration;

/**
 * Every command the registry handles, timed as {@code ledger.commands} and tagged with its name and
 * whether it became events ({@code accepted}) or was refused ({@code refused}: a broken rule, a
 * stale version, a store that was away).
 */
@Configuration(proxyBeanMethods = false)
class CommandMetrics {

  CommandMetrics(CommandBus commandBus, MeterRegistry meters) {
    commandBus.registerHandlerInterceptor(new Timed(meters));
  }

  private record Timed(MeterRegistry meters)
      implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(
        UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
        throws Exception {
      String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
      Timer.Sample sample = Timer.start(meters);
      String outcome = "refused";
      try {
        Object result = interceptorChain.proceed();
        outcome = "accepted";
        return result;
      } finally {
        sample.stop(
            Timer.builder("ledger.commands")
                .description("Commands handled by the registry")
                .tag("command", command)
                .tag("outcome", outcome)
                .register(meters));
      }
    }
  }
}
