package org.forumledger.web.forums;

import java.util.List;
import org.forumledger.web.LedgerClients;
import org.forumledger.web.page.TimeSlice;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** The forums as the reporting service tells them, at a page's times. */
@Component
public class ForumReads {

  private static final ParameterizedTypeReference<List<HistoryEntry>> HISTORY =
      new ParameterizedTypeReference<>() {};

  private final LedgerClients clients;

  public ForumReads(LedgerClients clients) {
    this.clients = clients;
  }

  public Mono<ForumList> all(TimeSlice slice) {
    return clients
        .reporting()
        .get()
        .uri(slice.withParameters(UriComponentsBuilder.fromPath("/forums")).build().toUriString())
        .retrieve()
        .bodyToMono(ForumList.class);
  }

  /** The forum's history, oldest first; at a {@code knownAt}, only what was recorded by then. */
  public Mono<List<HistoryEntry>> history(String forumId, TimeSlice slice) {
    return clients
        .reporting()
        .get()
        .uri("/forums/{id}/history", forumId)
        .retrieve()
        .bodyToMono(HISTORY)
        .map(
            all ->
                slice.knownAt() == null
                    ? all
                    : all.stream()
                        .filter(step -> !step.recordedAt().isAfter(slice.knownAt()))
                        .toList());
  }

  public Mono<Forum> one(String forumId, TimeSlice slice) {
    return clients
        .reporting()
        .get()
        .uri(
            slice
                .withParameters(UriComponentsBuilder.fromPath("/forums/{id}"))
                .buildAndExpand(forumId)
                .toUriString())
        .retrieve()
        .bodyToMono(Forum.class);
  }
}
