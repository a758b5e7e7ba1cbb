package org.forumledger.web.importing;

import java.nio.charset.StandardCharsets;
import org.forumledger.importer.InventoryImport;
import org.forumledger.web.LedgerServices;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A registrar uploads an inventory file in the columns of {@code data/README.md}; it is imported
 * row by row with the importer's own rules, as the person signed in (the actor of every event it
 * makes), and the page shows the row report: how many rows were imported and which lines were
 * refused, and why. Safe to repeat, as the importer is: a row already imported is replayed, not
 * doubled.
 */
@Controller
class ImportController {

  /** An inventory of a few hundred forums is a few hundred kilobytes. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final LedgerServices services;

  ImportController(LedgerServices services) {
    this.services = services;
  }

  @GetMapping("/imports")
  Rendering form() {
    return Rendering.view("import").modelAttribute("page", "import").build();
  }

  @PostMapping("/imports")
  Mono<Rendering> upload(ServerWebExchange exchange) {
    Mono<Authentication> person =
        ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication);
    return exchange
        .getMultipartData()
        .mapNotNull(parts -> parts.getFirst("file"))
        .filter(FilePart.class::isInstance)
        .cast(FilePart.class)
        .flatMap(
            file ->
                text(file)
                    .zipWith(person)
                    .flatMap(
                        read ->
                            Mono.fromCallable(
                                    () ->
                                        InventoryImport.fromText(
                                                file.filename(),
                                                read.getT1(),
                                                services.registryUrl(),
                                                read.getT2().getName(),
                                                (String) read.getT2().getCredentials())
                                            .run())
                                .subscribeOn(Schedulers.boundedElastic()))
                    .map(
                        summary ->
                            Rendering.view("import")
                                .modelAttribute("page", "import")
                                .modelAttribute("file", file.filename())
                                .modelAttribute("summary", summary)
                                .build()))
        .switchIfEmpty(
            Mono.fromSupplier(
                () ->
                    Rendering.view("import")
                        .modelAttribute("page", "import")
                        .modelAttribute("noFile", true)
                        .status(HttpStatus.UNPROCESSABLE_ENTITY)
                        .build()));
  }

  private static Mono<String> text(Part file) {
    return DataBufferUtils.join(file.content(), MAX_BYTES)
        .map(
            buffer -> {
              try {
                return buffer.toString(StandardCharsets.UTF_8);
              } finally {
                DataBufferUtils.release(buffer);
              }
            })
        .defaultIfEmpty("");
  }
}
