package org.forumledger.registry.chain;

import java.security.Principal;
import java.util.List;
import java.util.concurrent.Callable;
import org.forumledger.kit.problem.ProblemException;
import org.forumledger.kit.problem.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The publication chain as the registry sealed it, for reconciliation and for auditors: its head,
 * any one link, and signed checkpoints of the head.
 */
@RestController
public class ChainController {

  private static final int MAX_CHECKPOINTS = 1_000;

  private final PublishedLinks links;
  private final Checkpoints checkpoints;

  public ChainController(PublishedLinks links, Checkpoints checkpoints) {
    this.links = links;
    this.checkpoints = checkpoints;
  }

  @GetMapping("/chain/head")
  public Mono<PublishedLink> head() {
    return blocking(links::head);
  }

  @GetMapping("/chain/links/{chainSequence}")
  public Mono<PublishedLink> link(@PathVariable long chainSequence) {
    return blocking(
        () ->
            links
                .at(chainSequence)
                .orElseThrow(
                    () ->
                        new ProblemException(
                            ProblemType.NOT_FOUND,
                            "The registry has published no event at chain sequence "
                                + chainSequence)));
  }

  @PostMapping("/checkpoints")
  @ResponseStatus(HttpStatus.CREATED)
  public Mono<Checkpoint> issue(Principal issuedBy) {
    return blocking(() -> checkpoints.issue(issuedBy.getName()));
  }

  @GetMapping("/checkpoints/latest")
  public Mono<Checkpoint> latest() {
    return blocking(
        () ->
            checkpoints
                .latest()
                .orElseThrow(
                    () ->
                        new ProblemException(
                            ProblemType.NOT_FOUND, "No checkpoint has been issued yet")));
  }

  @GetMapping("/checkpoints")
  public Mono<List<Checkpoint>> recent(@RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_CHECKPOINTS) {
      return Mono.error(
          new ProblemException(
              ProblemType.INVALID_PARAMETER, "limit must be between 1 and " + MAX_CHECKPOINTS));
    }
    return blocking(() -> checkpoints.recent(limit));
  }

  private static <T> Mono<T> blocking(Callable<T> read) {
    return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic());
  }
}
