package org.forumledger.reporting.replay;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Starts the auditor's replay and reports its progress (for auditors only). */
@RestController
public class ReplayController {

  private final ReplayService replay;

  public ReplayController(ReplayService replay) {
    this.replay = replay;
  }

  @PostMapping("/admin/replay")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Mono<ReplayProgress> start() {
    return Mono.fromCallable(replay::start).subscribeOn(Schedulers.boundedElastic());
  }

  @GetMapping("/admin/replay")
  public ReplayProgress progress() {
    return replay.progress();
  }

  @GetMapping(path = "/admin/replay/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public Flux<ServerSentEvent<ReplayProgress>> updates() {
    return replay
        .updates()
        .map(p -> ServerSentEvent.builder(p).event(p.state().name().toLowerCase()).build());
  }
}
