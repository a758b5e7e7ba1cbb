package org.forumledger.registry.forum.api;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.validation.Validator;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets a write handler take one {@link WriteRequest} instead of three headers and the principal,
 * validates request bodies under the names the client wrote, and documents the three headers on
 * every operation that takes a {@link WriteRequest}.
 */
@Configuration
public class WriteRequestConfiguration implements WebFluxConfigurer {

  static {
    // not a query object: its parts are documented as headers by writeHeaders()
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(WriteRequest.class);
  }

  private final ObjectProvider<jakarta.validation.Validator> beanValidator;

  public WriteRequestConfiguration(ObjectProvider<jakarta.validation.Validator> beanValidator) {
    this.beanValidator = beanValidator;
  }

  @Override
  public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
    configurer.addCustomResolver(new WriteRequestResolver());
  }

  @Override
  public Validator getValidator() {
    return new WireFieldValidator(beanValidator);
  }

  @Bean
  OperationCustomizer writeHeaders() {
    List<Parameter> headers =
        List.of(
            header(
                WriteRequest.IF_MATCH,
                "The ETag of the forum this write is based on; if the forum has changed since,"
                    + " the write is refused with 412 and writes nothing."),
            header(
                WriteRequest.IDEMPOTENCY_KEY,
                "A retry with the same key and the same request answers the first response and"
                    + " writes nothing; the same key with another request is refused with 422."),
            header(
                WriteRequest.CORRELATION_ID,
                "Kept in the metadata of every event this write records; a new one when absent."));
    return (operation, handlerMethod) -> {
      boolean write =
          Arrays.stream(handlerMethod.getMethodParameters())
              .anyMatch(parameter -> parameter.getParameterType() == WriteRequest.class);
      if (write) {
        headers.forEach(operation::addParametersItem);
      }
      return operation;
    };
  }

  private static Parameter header(String name, String description) {
    return new HeaderParameter()
        .name(name)
        .required(false)
        .description(description)
        .schema(new StringSchema());
  }

  static final class WriteRequestResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == WriteRequest.class;
    }

    @Override
    public Mono<Object> resolveArgument(
        MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
      ServerHttpRequest request = exchange.getRequest();
      Long expectedVersion;
      String idempotencyKey;
      try {
        expectedVersion =
            WriteRequest.expectedVersion(request.getHeaders().getFirst(WriteRequest.IF_MATCH));
        idempotencyKey =
            WriteRequest.idempotencyKey(
                request.getHeaders().getFirst(WriteRequest.IDEMPOTENCY_KEY));
      } catch (InvalidRequestException e) {
        return Mono.error(e);
      }
      String correlationId = request.getHeaders().getFirst(WriteRequest.CORRELATION_ID);
      String correlation =
          correlationId == null || correlationId.isBlank()
              ? UUID.randomUUID().toString()
              : correlationId;
      return exchange
          .<Principal>getPrincipal()
          .map(Principal::getName)
          .switchIfEmpty(Mono.error(new IllegalStateException("no authenticated principal")))
          .map(
              actor ->
                  new WriteRequest(
                      request.getMethod(),
                      request.getPath().pathWithinApplication().value(),
                      expectedVersion,
                      idempotencyKey,
                      correlation,
                      actor));
    }
  }
}
