package org.forumledger.web.page;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A service that refuses or fails becomes a page that says so, with the service's own status where
 * it is the person's concern (403, 404) and 502/503 where the service is at fault.
 */
@ControllerAdvice
class ServiceFailures {

  @ExceptionHandler(WebClientResponseException.class)
  Mono<Rendering> refused(WebClientResponseException e, ServerWebExchange exchange) {
    HttpStatus status =
        switch (e.getStatusCode().value()) {
          case 401, 403 -> HttpStatus.FORBIDDEN;
          case 404 -> HttpStatus.NOT_FOUND;
          case 400, 422 -> HttpStatus.BAD_REQUEST;
          default -> HttpStatus.BAD_GATEWAY;
        };
    return page(status, "error." + status.value(), exchange);
  }

  @ExceptionHandler(WebClientRequestException.class)
  Mono<Rendering> unreachable(WebClientRequestException e, ServerWebExchange exchange) {
    return page(HttpStatus.SERVICE_UNAVAILABLE, "error.503", exchange);
  }

  private static Mono<Rendering> page(
      HttpStatus status, String messageKey, ServerWebExchange exchange) {
    return PageModel.frame(exchange)
        .map(
            frame ->
                Rendering.view("error")
                    .status(status)
                    .model(frame)
                    .modelAttribute("page", "error")
                    .modelAttribute("status", status.value())
                    .modelAttribute("messageKey", messageKey)
                    .build());
  }
}
