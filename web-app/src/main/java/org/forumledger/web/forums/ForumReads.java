package org.forumledger.web.forums;

import org.forumledger.web.LedgerClients;
import org.forumledger.web.page.TimeSlice;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** The forums as the reporting service tells them, at a page's times. */
@Component
public class ForumReads {

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
